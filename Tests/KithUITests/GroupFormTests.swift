import KithCore
import Testing
@testable import KithUI

/// Groups in the full screen (issue 16, point 14): n, e and x in the groups view add,
/// edit and remove a group, where they once sent the user to the command line.
@Suite struct GroupFormTests {
    func groups() -> AppState {
        var s = Fixture.loaded()
        _ = press(&s, .char("r"))
        return s
    }

    @Test func nAddsAGroupWithTickedMembers() {
        var s = groups()
        #expect(press(&s, .char("n")).isEmpty)
        guard let form = s.groupForm else { Issue.record("n opened no group form: \(String(describing: s.message))"); return }
        // Everyone not archived, by name; the archived Old Friend is not offered.
        #expect(form.names == ["Eve\u{1B}[31mRED", "José 🌱", "Zoë Ångström", "山田太郎"])
        type(&s, "Choir")
        _ = press(&s, .tab, .char("2"), .char("w"), .tab, .tab)
        #expect(s.groupForm?.field == .members)
        // A letter jumps to a name, Space ticks it; ↓ moves within the list.
        _ = press(&s, .char("z"), .char(" "), .down, .char(" "))
        #expect(s.groupForm?.ticked == [1, 2])
        let effects = press(&s, .ctrl("s"))
        #expect(effects == [.saveGroup(GroupDraft(id: nil, name: "Choir", cadenceDays: 14, notes: "", adding: [1, 2], removing: []))])
        _ = Update.update(&s, .groupSaved(id: 2, name: "Choir", isNew: true))
        #expect(s.groupForm == nil && s.selectAfterLoad == .group(2) && s.message == "Added the group Choir.")
    }

    @Test func eEditsAGroupAndKeepsArchivedMembers() {
        var s = groups()
        #expect(s.selected?.name == "Book club")
        #expect(press(&s, .char("e")) == [.loadGroup(1)])
        // Old Friend (archived) is a member: not listed, and not removed by saving.
        _ = Update.update(&s, .groupLoaded(Group(id: 1, name: "Book club", cadenceDays: 30, notes: "Thursdays",
                                                 addedOn: Fixture.today), members: [1, 5]))
        #expect(s.groupForm?.every.text == "30d" && s.groupForm?.notes.text == "Thursdays")
        _ = press(&s, .tab, .tab, .tab)
        #expect(s.groupForm?.field == .members && s.groupForm?.cursor == 0)
        _ = press(&s, .char(" "), .char("z"), .char(" "))
        let effects = press(&s, .ctrl("s"))
        #expect(effects == [.saveGroup(GroupDraft(id: 1, name: "Book club", cadenceDays: 30, notes: "Thursdays", adding: [4], removing: [1]))])
        _ = Update.update(&s, .failed("a group named \"Choir\" already exists"))
        #expect(s.groupForm?.error == "a group named \"Choir\" already exists" && s.groupForm?.saving == false)
    }

    @Test func xRemovesAGroupAfterAsking() {
        var s = groups()
        #expect(press(&s, .char("x")).isEmpty)
        guard case .confirmRemoveGroup(let e)? = s.modal else { Issue.record("x did not ask"); return }
        #expect(e.name == "Book club")
        #expect(Screen.render(s).lines().joined().contains("Remove the group Book club?"))
        #expect(press(&s, .char("y")) == [.removeGroup(1)])
        _ = Update.update(&s, .groupRemoved(name: "Book club"))
        #expect(s.message == "Removed the group Book club; its members and their moments stay.")
        // n or Esc keeps it.
        var k = groups()
        _ = press(&k, .char("x"))
        #expect(press(&k, .char("n")).isEmpty && k.modal == nil)
    }

    @Test func aGroupFormWithTypedTextAsksBeforeLeaving() {
        var s = groups()
        _ = press(&s, .char("n"))
        type(&s, "Ch")
        _ = press(&s, .escape)
        #expect(s.groupForm?.confirmingDiscard == true && s.context == .discard)
        _ = press(&s, .char("y"))
        #expect(s.modal == nil)
    }

    @Test func aSavedGroupIsSelectedInTheGroupsView() {
        var s = Fixture.loaded()
        #expect(!s.showGroups)
        s.selectAfterLoad = .group(1)
        _ = Update.update(&s, .rosterLoaded(Fixture.entries(), people: Fixture.names, groups: [1: "Book club"]))
        #expect(s.showGroups && s.selected?.subject == .group(1))
    }

    @Test func groupFormSnapshot() {
        var s = groups()
        _ = press(&s, .char("e"))
        _ = Update.update(&s, .groupLoaded(Group(id: 1, name: "Book club", cadenceDays: 30, notes: "Thursdays",
                                                 addedOn: Fixture.today), members: [1, 3]))
        _ = press(&s, .tab, .tab, .tab, .down)
        ViewSnapshotTests().check("group-form-80x24", Screen.render(s))
    }
}

/// The hint bar asks the update what a key would do (issue 16, "how to build it"):
/// it offers a key only where the key acts, with no second table to disagree.
@Suite struct DerivedHintTests {
    func bar(_ s: AppState) -> String { Screen.render(s).lines().last ?? "" }

    @Test func undoIsOfferedOnlyWithSomethingToUndo() {
        var s = Fixture.loaded(width: 140)
        _ = press(&s, .char("t"))
        #expect(!bar(s).contains("u undo"), "\(bar(s))")
        _ = press(&s, .char("z"))
        _ = Update.update(&s, .snoozed(name: "Zoë Ångström", until: Fixture.today.adding(days: 7)))
        s.message = nil
        #expect(bar(s).contains("u undo"), "\(bar(s))")
    }

    @Test func formKeysAreOfferedWhereTheyAct() {
        var s = Fixture.loaded(width: 120)
        _ = press(&s, .char("c"))
        while s.form?.field != .channel { _ = press(&s, .tab) }
        // On the channel: ←/→ change it; Space ticks nothing and Enter only moves on as Tab does.
        #expect(s.form?.field == .channel)
        #expect(bar(s).contains("←/→ change") && !bar(s).contains("Space") && !bar(s).contains("Enter"), "\(bar(s))")
        while s.form?.field != .kinds { _ = press(&s, .tab) }
        #expect(bar(s).contains("Space toggle"), "\(bar(s))")
        while s.form?.field != .emotions { _ = press(&s, .tab) }
        #expect(bar(s).contains("Enter select") && !bar(s).contains("←/→"), "\(bar(s))")
    }

    /// s and z act on a nudge only: on a reminder line they once skipped the person's
    /// cycle while the hint bar did not offer them.
    @Test func skipAndSnoozeActOnNudgesOnly() {
        var s = TodayTests().loadedWithReminder()
        _ = press(&s, .char("t"))
        s.todayCursor = s.todayItems.firstIndex { if case .reminder = $0 { true } else { false } }!
        #expect(press(&s, .char("s")).isEmpty && press(&s, .char("z")).isEmpty && s.undo == nil)
    }
}

/// What the afternoon in tmux found after the first round (issue 16).
@Suite struct WalkthroughFindingsTests {
    @Test func aGroupCheckInWithNobodyTickedIsRefused() {
        var s = Fixture.loaded()
        var entries = Fixture.entries()
        entries[5].members = [1, 3]
        _ = Update.update(&s, .rosterLoaded(entries, people: Fixture.names, groups: [1: "Book club"]))
        _ = press(&s, .char("r"), .char("c"))
        #expect(s.form?.field == .who)
        _ = press(&s, .char(" "), .right, .char(" "))
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.form?.error?.contains("tick who was there") == true)
    }

    @Test func showingEveryDueBondKeepsTheHighlightOnItsLine() {
        var s = TodayTests().loadedWithReminder()
        _ = press(&s, .char("t"))
        let reminderRow = s.todayItems.firstIndex { if case .reminder = $0 { true } else { false } }!
        s.todayCursor = reminderRow
        let line = s.todayLine
        let effects = press(&s, .char("A"))
        #expect(s.todayLine == line)
        // The timeline follows whatever is highlighted.
        #expect(s.timeline.scope == s.selected.map { .subject($0.subject) } || !effects.isEmpty)
    }

    @Test func theTimelineIsCountedWhileIdleAndTheCountShown() {
        var s = Fixture.loaded()
        s.timeline.knownTotal = nil
        s.timeline.exhausted = false
        #expect(s.timeline.total == nil)
        #expect(Update.prefetches(s).first == .countTimeline(.subject(.person(1)), filter: .none))
        _ = Update.update(&s, .timelineCounted(.subject(.person(1)), filter: .none, 907))
        #expect(s.timeline.total == 907)
        #expect(Update.prefetches(s).contains { if case .countTimeline = $0 { true } else { false } } == false)
    }

    @Test func aPasteWhereTypingStartsTheNoteGoesIntoTheNote() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        _ = Update.update(&s, .paste("she got the job"))
        #expect(s.form?.note.text == "she got the job" && s.form?.field == .note)
    }

    @Test func theKeyThatAnswersQuitIsNotTyped() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        type(&s, "hi")
        #expect(press(&s, .ctrl("c")).isEmpty && s.quitAsked)
        #expect(press(&s, .char("x")).isEmpty)
        #expect(s.form?.note.text == "hi" && s.message == "Kept what you typed.")
        // Emotions chosen in an open picker count as typed.
        var p = Fixture.loaded()
        _ = press(&p, .char("c"))
        while p.form?.field != .emotions { _ = press(&p, .tab) }
        _ = press(&p, .enter, .char(" "))
        #expect(p.holdsTypedText)
    }

    @Test func uUndoesIsSaidOnlyWhenUWouldUndo() {
        var s = Fixture.loaded()
        s.undo = nil
        _ = Update.update(&s, .snoozed(name: "Zoë", until: nil))
        #expect(s.message == "Nudges about Zoë are back.")
        s.undo = .snooze(.person(1), name: "Zoë", previous: nil)
        _ = Update.update(&s, .snoozed(name: "Zoë", until: nil))
        #expect(s.message == "Nudges about Zoë are back; u undoes.")
    }

    @Test func aRefusedLetterDoesNotMakeSpaceLookUseful() {
        var s = Fixture.loaded(width: 120)
        _ = press(&s, .char("c"))
        while s.form?.field != .uplift { _ = press(&s, .tab) }
        _ = press(&s, .char("a"))
        #expect(s.form?.error != nil)
        let bar = Screen.render(s).lines().last ?? ""
        #expect(!bar.contains("Space"), "\(bar)")
    }
}

@Suite struct NoteAndPickerTests {
    /// A long note wraps in its field: its start stays in sight (it once scrolled
    /// sideways on one row beside empty ones).
    @Test func aLongNoteWraps() {
        var s = Fixture.loaded(width: 80, height: 24)
        _ = press(&s, .char("c"))
        type(&s, "She told me about the new job in Porto and how her father is doing after the operation")
        let screen = Screen.render(s).lines().joined(separator: "\n")
        #expect(screen.contains("She told me about"), "\(screen)")
        #expect(screen.contains("operation"))
    }

    /// Two words in one visit: after Space the filter starts again.
    @Test func aSecondWordIsTypedAfterTheFirst() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        while s.form?.field != .emotions { _ = press(&s, .tab) }
        _ = press(&s, .enter)
        type(&s, "calm")
        _ = press(&s, .char(" "))
        type(&s, "grat")
        _ = press(&s, .char(" "), .enter)
        #expect(s.form?.emotions.map(\.word) == ["calm", "grateful"])
    }
}

/// `[sync] auto`: what a background sync brought is said; what it only sent is not.
@Suite struct BackgroundSyncMessageTests {
    @Test func onlyWhatCameInIsSaid() {
        var s = Fixture.loaded()
        #expect(Update.update(&s, .synced(sent: 3, received: 0, merged: 0, problems: [])).isEmpty && s.message == nil)
        #expect(Update.update(&s, .synced(sent: 0, received: 2, merged: 1, problems: [])) == [.loadRoster])
        #expect(s.message == "Synced: received 2, merged 1." && !s.messageIsError)
        _ = Update.update(&s, .synced(sent: 0, received: 0, merged: 0, problems: ["journal/x.ics: no UID; left as it is"]))
        #expect(s.message == "Synced: received 0. 1 file not taken in: journal/x.ics: no UID; left as it is" && s.messageIsError)
        // Over an open form nothing is said (it would cover what is being typed).
        _ = press(&s, .char("c"))
        s.message = nil
        _ = Update.update(&s, .syncFailed("Sync: the sync command `vdirsyncer sync` failed (exit 1)"))
        #expect(s.message == nil && s.form?.error == nil)
    }
}
