# The runtime of iom's zsh completion, from src/docs/shell/iom.zsh; the rest
# of the script is generated from iom's command-line definition.

# The dataset's values of one KIND as VALUE:DESCRIPTION in $reply, from the
# iom being completed with the command line's --data (IOM_DATA is in the
# environment).
(( $+functions[_iom_dataset] )) ||
_iom_dataset() {
  local -a data lines
  local i word line value description
  for (( i = 2; i < _iom_current; i++ )); do
    word=${_iom_line[i]}
    if [[ $word == --data ]] && (( i + 1 < _iom_current )); then
      data=(--data ${(Q)_iom_line[i + 1]})
    elif [[ $word == --data=* ]]; then
      data=(--data ${(Q)word#--data=})
    fi
  done
  (( $#data )) && data[2]=${data[2]/#\~/$HOME}
  word=${(Q)_iom_line[1]}
  lines=(${(f)"$(${word/#\~/$HOME} $data __complete $1 2>/dev/null)"})
  reply=()
  for line in $lines; do
    value=${line%%$'\t'*}
    description=${line#*$'\t'}
    reply+=("${value//:/\\:}${description:+:$description}")
  done
}

# Completes one value, or the item after the last comma of a list; items
# already in the list are not offered again.
# usage: _iom_values TAG LIST VALUE[:DESCRIPTION]...
(( $+functions[_iom_values] )) ||
_iom_values() {
  local tag=$1 list=$2 used value
  shift 2
  local -a values kept
  values=("$@")
  if [[ $list != . ]]; then
    compset -P '*,'
    [[ $list == -, ]] && compset -P '-'
    used=,${IPREFIX#*=}
    [[ $list == -, ]] && used=${used//,-/,}
    for value in $values; do
      [[ $used == *,${value%%:*},* ]] || kept+=("$value")
    done
    values=("${kept[@]}")
  fi
  _describe -t $tag $tag values
}

(( $+functions[_iom_field_values] )) ||
_iom_field_values() {
  local -a reply
  _iom_fields
  _iom_values $1 $2 $reply
}

(( $+functions[_iom_dataset_values] )) ||
_iom_dataset_values() {
  local -a reply
  # With --column, convert's arguments are table files, not queries.
  if [[ $3 == queries ]] && (( ${_iom_line[(I)--column(|=*)]} )); then
    _files
    return
  fi
  _iom_dataset $3
  _iom_values $1 $2 $reply
}
