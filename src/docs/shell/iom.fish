# The runtime of iom's fish completion, from src/docs/shell/iom.fish; the
# rest of the script (__iom_takes_value, __iom_fields and the complete lines)
# is generated from iom's command-line definition.

# The command on the line and its number of arguments so far, or nothing
# before a command.
function __iom_parse
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l command
    set -l count 0
    set -l skip 0
    set -l dashdash 0
    for token in $tokens
        if test $skip = 1
            set skip 0
        else if test $dashdash = 0; and test "$token" = --
            set dashdash 1
        else if test $dashdash = 0; and string match -qr -- '^-.' $token
            __iom_takes_value $token; and set skip 1
        else if test -z "$command"
            set command $token
        else
            set count (math $count + 1)
        end
    end
    test -n "$command"; and printf '%s\n' $command $count
end

# The dataset's values of one KIND, from the iom being completed with the
# command line's --data (IOM_DATA is in the environment).
function __iom_dataset
    set -l tokens (commandline -opc)
    # With --column, convert's arguments are table files, not queries.
    if test "$argv[1]" = queries; and string match -q -r -- '^--column(=|$)' $tokens
        __fish_complete_path (commandline -ct)
        return
    end
    set -l data
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case --data
                set -l next (math $i + 1)
                set -q tokens[$next]; and set data --data $tokens[$next]
            case '--data=*'
                set data --data (string replace -- --data= '' $tokens[$i])
        end
    end
    set data (string replace -r -- '^~/' "$HOME/" $data)
    set -l command (string replace -r -- '^~/' "$HOME/" $tokens[1])
    $command $data __complete $argv 2>/dev/null
end

# Each VALUE, or after the last comma of the current token for a list (LIST
# is . for one value, "," for a list, "-," for a list whose items may start
# with -). Items already in the list are not offered again.
function __iom_values
    set -l list $argv[1]
    set -e argv[1]
    set -l token (commandline -ct)
    set token (string replace -r -- '^--[^=]*=' '' $token)
    set -l head
    if test "$list" != .
        set head (string match -r -- '^.*,' $token)
        set -l rest (string replace -r -- '^.*,' '' $token)
        if test "$list" = -,; and string match -q -- '-*' $rest
            set head "$head-"
        end
    end
    set -l used (string split , -- (string replace -a -- ',-' , ",$head"))
    for value in $argv
        set -l name (string split -m 1 \t -- $value)[1]
        contains -- $name $used; and continue
        printf '%s%s\n' "$head" $value
    end
end

function __iom_needs_command
    not __iom_parse >/dev/null
end

# True when completing an argument of COMMAND, and with MAX, when it has
# fewer than MAX arguments so far.
function __iom_using
    set -l parsed (__iom_parse); or return 1
    test "$parsed[1]" = "$argv[1]"; or return 1
    test (count $argv) -lt 2; or test $parsed[2] -lt $argv[2]
end
