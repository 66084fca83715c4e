#!/usr/bin/env bash
# One journal on two devices through git and a local bare repository, kith driving git
# itself ([sync] git = true) with its own merge driver, set up in each clone only.
source "$(dirname "$0")/synclib.sh" "$@"

git init -q --bare -b main "$WORK/remote.git"
for d in a b d e; do
    device $d "git = true"
done
# a, d and e all clone the repository while it is still empty (both set up at once).
for d in a d e; do git clone -q "$WORK/remote.git" "$WORK/$d/vdir" 2>/dev/null; done
k e add "Eve Early" >/dev/null
fill a
out=$(k a sync) || fail "first sync on a: $out"
[[ $out == "sent 9, received 0, merged 0." ]] || fail "a's first sync said: $out"
git clone -q "$WORK/remote.git" "$WORK/b/vdir"
out=$(k b sync) || fail "first sync on b: $out"
[[ $out == "sent 0, received 9, merged 0." ]] || fail "b's first sync said: $out"
same a b || fail "b's journal is not a's"
[[ $(git -C "$WORK/b/vdir" config merge.kith.driver) == *"sync merge --base %O %A %B" ]] || fail "no merge driver in b's clone"
pass "A → git → B arrives intact, the merge driver set up in the clone only"

out=$(k d sync) || fail "a device that cloned the empty repository, with nothing of its own: $out"
[[ $out == "sent 0, received 9, merged 0." ]] || fail "d's first sync said: $out"
out=$(k e sync) || fail "a device that cloned the empty repository and added its own: $out"
[[ $out == "sent 1, received 9, merged 0." ]] || fail "e's first sync said: $out"
out=$(k a sync) || fail "sync a after e: $out"
[[ $out == "sent 0, received 1, merged 0." ]] || fail "a did not receive e's person: $out"
k b sync >/dev/null || fail "sync b after e"
pass "devices that cloned the repository while it was empty join it, with what they had"

heads() { git -C "$WORK/remote.git" rev-parse main; }
before=$(heads)
for d in a b a; do
    out=$(k $d sync) || fail "sync on $d: $out"
    [[ $out == "sent 0, received 0, merged 0." ]] || fail "a sync with nothing changed on $d said: $out"
done
[[ $(heads) == "$before" ]] || fail "a sync with nothing changed made a commit"
pass "a sync with nothing changed makes no commit"

k a edit "Ben Okafor" --note "moved to Porto" >/dev/null
k b edit "Ben Okafor" --circle close >/dev/null
k a sync >/dev/null || fail "sync a after the edit"
out=$(k b sync) || fail "sync b after the edit (git merge with kith's driver): $out"
k a sync >/dev/null || fail "sync a to receive the merge"
for d in a b; do
    k $d show "Ben Okafor" | grep -qF "moved to Porto" || fail "$d lost a's note"
    k $d show "Ben Okafor" | grep -qi "close" || fail "$d lost b's circle"
done
same a b || fail "the journals differ after the merge"
pass "one person edited on both devices merges through kith's git merge driver"

ida=$(moment_id a coffee); idb=$(moment_id b coffee)
k a moment edit "$ida" --note "coffee, and she told me about Kyoto" >/dev/null
k b moment edit "$idb" --note "coffee at the station" >/dev/null
k a sync >/dev/null; k b sync >/dev/null; k a sync >/dev/null
same a b || fail "the journals differ after both edited one note"
k a history "Ben Okafor" --json | grep -qF "the other edit" || fail "a note edited on both devices lost one of them"
pass "the same note edited on both devices keeps both words"

# Deleted on a, edited on b before b heard of it: the edit wins, nothing is lost.
ida=$(moment_id a "book: Middlemarch"); idb=$(moment_id b "book: Middlemarch")
k a moment delete "$ida" >/dev/null
k b moment edit "$idb" --note "book: Middlemarch, chapter 3" >/dev/null
k a sync >/dev/null || fail "sync a after the delete"
out=$(k b sync) || fail "sync b, an edit against a delete: $out"
k a sync >/dev/null || fail "sync a after b's edit"
for d in a b; do
    k $d history --json | grep -qF "chapter 3" || fail "$d lost the edit that met a delete"
done
pass "an edit against a delete keeps the edit"

idb=$(moment_id b "book: Middlemarch")
k b moment delete "$idb" >/dev/null
k b sync >/dev/null || fail "sync b after the delete"
out=$(k a sync) || fail "sync a after b's delete: $out"
[[ $out == *"deleted 1 here"* ]] || fail "a's sync after the delete said: $out"
same a b || fail "the journals differ after the delete"
pass "a delete on B reaches A"
