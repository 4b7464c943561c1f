#!/bin/sh
# Run by tst_package under xvfb-run: opens PROJECT in the installed modeldesk, waits (up to 30 s) for its main
# window to be mapped, prints the window's properties for the test to check, and closes it.
project=$1
modeldesk "$project" &
app=$!
window=
for attempt in $(seq 300); do
    # The main window: the top-level window of class ModelDesk with the project in its title.
    window=$(xwininfo -root -children | awk '/\("modeldesk" "ModelDesk"\)/ && /modeldesk/ { print $1; exit }')
    [ -n "$window" ] && xwininfo -id "$window" | grep -q 'Map State: IsViewable' && break
    window=
    kill -0 "$app" 2>/dev/null || { echo "modeldesk exited before showing a window"; exit 1; }
    sleep 0.1
done
[ -n "$window" ] || { echo "no window shown after 30 s"; kill "$app"; exit 1; }
xwininfo -id "$window" | grep -E 'Window id|Map State'
xprop -id "$window" WM_CLASS
xprop -id "$window" _NET_WM_ICON | head -c 80
echo
kill "$app"
wait "$app"
exit 0
