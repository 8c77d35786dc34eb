# shellcheck shell=bash
# The runtime of iom's bash completion, from src/docs/shell/iom.bash; the
# tables above it (_iom_commands, _iom_options, _iom_value_rule and
# _iom_argument_rule) are generated from iom's command-line definition.
# shellcheck disable=SC2154 # _iom_commands is set by the generated part

# 'a b', "a b", a\ b and ~/x as the shell would pass them.
_iom_dequote() {
    local value=$1
    case $value in
        \'*\') value=${value:1:${#value}-2} ;;
        \"*\") value=${value:1:${#value}-2} ;;
        *) value=${value//\\/} ;;
    esac
    [[ $value == \~/* ]] && value=$HOME/${value#\~/}
    printf '%s\n' "$value"
}

# The dataset's values of one KIND, from the iom being completed with the
# command line's --data (IOM_DATA is in the environment).
_iom_dataset() {
    local i value
    local -a data=()
    for ((i = 1; i < _iom_cword; i++)); do
        case ${_iom_words[i]} in
            --data) ((i + 1 < _iom_cword)) &&
                data=(--data "$(_iom_dequote "${_iom_words[i + 1]}")") ;;
            --data=*) data=(--data "$(_iom_dequote "${_iom_words[i]#--data=}")") ;;
        esac
    done
    "$(_iom_dequote "${_iom_words[0]}")" "${data[@]}" __complete "$1" 2>/dev/null |
        while IFS=$'\t' read -r value _; do
            printf '%s\n' "$value"
        done
}

# True when the command line has --column: convert's arguments are then
# table files, not queries.
_iom_table_mode() {
    local i
    for ((i = 1; i < _iom_cword; i++)); do
        case ${_iom_words[i]} in --column | --column=*) return 0 ;; esac
    done
    return 1
}

# Adds the candidates for CUR to COMPREPLY, each after PREFIX.
# usage: _iom_complete_value PREFIX CUR SOURCE LIST WORD...
_iom_complete_value() {
    local prefix=$1 cur=$2 source=$3 list=$4 head='' used item
    shift 4
    if [[ $list != . ]]; then
        head=${cur%"${cur##*,}"}
        cur=${cur##*,}
        if [[ $list == -, && $cur == -* ]]; then
            head+=-
            cur=${cur#-}
        fi
    fi
    [[ $source == dataset && $1 == queries ]] && _iom_table_mode && source=files
    case $source in
        none) return ;;
        files)
            compopt -o filenames 2>/dev/null
            if [[ -z $prefix ]] && declare -F _filedir >/dev/null; then
                _filedir
            else
                while IFS= read -r item; do
                    COMPREPLY+=("$prefix$item")
                done < <(compgen -f -- "$(_iom_dequote "$cur")")
            fi
            return ;;
        dataset)
            # One value per word, like the words of a rule.
            # shellcheck disable=SC2046
            set -- $(_iom_dataset "$1") ;;
    esac
    # An item already in the list is not offered again.
    used=,$head
    [[ $list == -, ]] && used=${used//,-/,}
    for item in "$@"; do
        [[ $used == *",$item,"* ]] && continue
        [[ $item == "$cur"* ]] && COMPREPLY+=("$prefix$head$item")
    done
}

_iom() {
    local -a _iom_words=()
    local _iom_cword=0 i word
    # COMP_WORDBREAKS splits --option=value at the "="; join it back.
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        word=${COMP_WORDS[i]}
        if ((i > 0)) && [[ ($word == = && ${_iom_words[-1]} == --* &&
            ${_iom_words[-1]} != *=*) ||
            (${COMP_WORDS[i - 1]} == = && ${_iom_words[-1]} == --*=) ]]; then
            _iom_words[-1]+=$word
        else
            _iom_words+=("$word")
        fi
        ((i == COMP_CWORD)) && _iom_cword=$((${#_iom_words[@]} - 1))
    done
    # Only the part of the word before the cursor is completed.
    local cur=${_iom_words[_iom_cword]}
    if [[ -n ${COMP_LINE-} ]]; then
        local line=${COMP_LINE:0:COMP_POINT}
        while [[ -n $cur && $line != *"$cur" ]]; do
            cur=${cur%?}
        done
    fi

    local command='' args=0 dashdash=''
    for ((i = 1; i < _iom_cword; i++)); do
        word=${_iom_words[i]}
        if [[ -n $dashdash || $word != -?* ]]; then
            if [[ -z $command ]]; then
                command=$word
            else
                args=$((args + 1))
            fi
        elif [[ $word == -- ]]; then
            dashdash=1
        elif [[ $word != *=* ]] && _iom_value_rule "$command" "$word" >/dev/null; then
            i=$((i + 1))
        fi
    done

    local prefix='' rule prev=''
    ((_iom_cword > 1)) && prev=${_iom_words[_iom_cword - 1]}
    COMPREPLY=()
    # A rule (SOURCE LIST WORD...) and the option lists are split into words
    # on purpose.
    # shellcheck disable=SC2046,SC2086
    if [[ -z $dashdash && $cur == --*=* ]]; then
        [[ $COMP_WORDBREAKS == *=* ]] || prefix=${cur%%=*}=
        rule=$(_iom_value_rule "$command" "${cur%%=*}") &&
            _iom_complete_value "$prefix" "${cur#*=}" $rule
    elif [[ -z $dashdash && $prev == -?* && $prev != *=* ]] &&
        rule=$(_iom_value_rule "$command" "$prev"); then
        _iom_complete_value "" "$cur" $rule
    elif [[ -z $dashdash && $cur == -* ]]; then
        _iom_complete_value "" "$cur" words . $(_iom_options "$command")
    elif [[ -z $command ]]; then
        _iom_complete_value "" "$cur" words . $_iom_commands
    elif rule=$(_iom_argument_rule "$command" "$args"); then
        _iom_complete_value "" "$cur" $rule
    fi
}

complete -F _iom iom
