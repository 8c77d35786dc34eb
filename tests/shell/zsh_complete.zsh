#!/usr/bin/env zsh
# Prints the candidates zsh's completion system offers at the end of LINE,
# one per line, with what comes before them in the word (a list's "name,").
# An interactive zsh runs in a pseudo-terminal (zpty) with compinit and the
# completions in DIR; a wrapped compadd reports each match it adds.
# usage: zsh_complete.zsh DIR LINE
emulate -L zsh
zmodload zsh/zpty || exit 77
local dir=$1 buffer=$2 line init
init=$(mktemp) || exit 2
cat > $init <<INIT
PROMPT= RPROMPT= PS2=
fpath=(${(q)dir} \$fpath)
autoload -Uz compinit && compinit -u -D
bindkey '^I' complete-word
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
_report_end() { print -r -- '<<<end>>>'; exit }
comppostfuncs=(_report_end)
compadd() {
  # Calls that only collect matches (-O, -A, -D) are the system's own.
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "\$@"
    return
  fi
  local -a __hits
  local __hit
  builtin compadd -A __hits "\$@"
  for __hit in \$__hits; do print -r -- "<<<hit>>>\$IPREFIX\$__hit"; done
  builtin compadd "\$@"
}
print -r -- '<<<ready>>>'
INIT
zpty iom zsh -f -i
zpty -w iom "source ${(q)init}"
while zpty -r iom line; do [[ $line == *'<<<ready>>>'* ]] && break; done
zpty -w -n iom "$buffer"$'\t'
while zpty -r iom line; do
  if [[ $line == *'<<<hit>>>'* ]]; then
    line=${line#*'<<<hit>>>'}
    line=${line%$'\n'}
    print -r -- ${line%$'\r'}
  fi
  [[ $line == *'<<<end>>>'* ]] && break
done
zpty -d iom
rm -f $init
