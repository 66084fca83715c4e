import KithCore
import Testing
@testable import KithUI

@Suite struct CheckInTests {
    @Test func aQuickLogIsTwoKeys() throws {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        #expect(s.form?.title == "Zoë Ångström" && s.context == .form)
        let effects = press(&s, .ctrl("s"))
        guard case .saveMoment(let m)? = effects.first else { Issue.record("no save: \(effects)"); return }
        #expect(m.people == [1] && m.day == Fixture.today && m.channel == .inPerson && m.initiator == .mutual)
        #expect(m.depth == .light && m.emotions.isEmpty && m.note.isEmpty && m.groupID == nil)
        #expect(s.form?.saving == true)
        #expect(Update.update(&s, .momentSaved(m, edited: false)) == [.loadRoster])
        #expect(s.form == nil && s.message?.hasPrefix("Logged a moment with Zoë Ångström on Sun 22 Nov 2026") == true)
    }

    @Test func everyFieldByKeyboard() throws {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        // date: back to the top, replace "today" with a date
        _ = press(&s, .up, .up)
        #expect(s.form?.field == .date && s.context == .formText)
        _ = press(&s, .ctrl("u"))
        type(&s, "2026-11-20")
        _ = press(&s, .tab)
        type(&s, "18:30")
        _ = press(&s, .tab, .right)                 // via: call
        _ = press(&s, .tab, .left)                  // reached out: them
        _ = press(&s, .tab, .char(" "), .right, .char(" "))   // kinds: fun, heart-to-heart
        _ = press(&s, .tab, .enter)                 // the picker
        #expect(s.context == .picker)
        type(&s, "sad")
        #expect(s.context == .pickerFilter)
        _ = press(&s, .char("2"), .escape)          // sad:2, clear the filter
        type(&s, "reliev")
        _ = press(&s, .char(" "), .enter)
        #expect(s.form?.emotions == [EmotionTag(word: "sad", intensity: 2), EmotionTag(word: "relieved", intensity: 1)])
        _ = press(&s, .tab, .right, .right, .right, .right) // uplift +1
        _ = press(&s, .tab, .right, .right)         // depth vulnerable: "received" appears
        _ = press(&s, .tab, .right)                 // received: safe
        _ = press(&s, .tab)
        #expect(s.form?.field == .note)
        type(&s, "山田 and 🌱")
        _ = press(&s, .enter)
        type(&s, "x")
        _ = press(&s, .backspace)
        type(&s, "line two")
        let effects = press(&s, .ctrl("s"))
        guard case .saveMoment(let m)? = effects.first else { Issue.record("no save: \(String(describing: s.form?.error))"); return }
        #expect(m.day.iso == "2026-11-20" && m.time?.description == "18:30")
        #expect(m.channel == .call && m.initiator == .them)
        #expect(m.kinds == [.fun, .heartToHeart])
        #expect(m.uplift == 1 && m.depth == .vulnerable && m.received == .safe)
        #expect(m.note == "山田 and 🌱\nline two")
    }

    /// The date comes filled in ("today"): typing replaces it, as in a selected field;
    /// moving or deleting first edits it instead.
    @Test func typingReplacesTheFilledInDate() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .up, .up)
        #expect(s.form?.field == .date && s.form?.date.text == "today")
        type(&s, "yesterday")
        #expect(s.form?.date.text == "yesterday")
        var t = Fixture.loaded()
        _ = press(&t, .char("c"), .up, .up, .backspace, .backspace)
        type(&t, "ay")
        #expect(t.form?.date.text == "today")
    }

    /// In the picker, / starts a new filter and Ctrl-U clears it: after choosing "sad",
    /// "/lonely" looks for lonely, not "sadlonely".
    @Test func slashStartsANewPickerFilter() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .tab, .tab, .tab, .enter)
        #expect(s.context == .picker)
        type(&s, "sad")
        _ = press(&s, .char(" "))
        _ = press(&s, .char("/"))
        type(&s, "lonely")
        #expect(s.form?.picker?.filter == "lonely")
        _ = press(&s, .ctrl("u"))
        #expect(s.form?.picker?.filter == "" && s.context == .picker)
    }

    @Test func badDatesKeepTheFormAndSayWhy() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .up, .up, .ctrl("u"))
        type(&s, "2026-02-30")
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.form?.error == "\"2026-02-30\" is not a real date")
        _ = press(&s, .ctrl("u"))
        type(&s, "2027-01-01")
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.form?.error?.contains("in the future") == true)
        // A failed save (disk full, say) keeps everything typed.
        _ = press(&s, .ctrl("u"))
        type(&s, "yesterday")
        #expect(press(&s, .ctrl("s")).count == 1)
        _ = Update.update(&s, .failed("store error: the disk is full; nothing was written"))
        #expect(s.form?.date.text == "yesterday" && s.form?.error?.contains("disk is full") == true)
    }

    @Test func escAsksBeforeThrowingTypedTextAway() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .escape)
        #expect(s.form == nil)                       // nothing typed: closes at once
        _ = press(&s, .char("c"), .tab, .tab, .tab, .tab, .tab, .tab)
        #expect(s.form?.field == .note)
        type(&s, "important")
        _ = press(&s, .escape)
        #expect(s.context == .discard)
        _ = press(&s, .char("n"))
        #expect(s.form?.note.text == "important" && s.context == .formText)
        _ = press(&s, .escape, .char("y"))
        #expect(s.form == nil && s.message == "Check-in discarded.")
    }

    @Test func pickerMovesInTheGridTogglesAndCancels() {
        var s = Fixture.loaded(width: 100, height: 30)
        _ = press(&s, .char("c"), .tab, .tab, .tab, .enter)
        #expect(s.context == .picker)
        #expect(s.form?.picker?.cursor == 0)          // anxious, top-left
        _ = press(&s, .char("l"), .char("l"))         // into the pleasant, high quadrant
        #expect(s.form!.picker!.layout.order[s.form!.picker!.cursor].word == "happy")
        _ = press(&s, .char(" "), .char("j"), .char("3"))
        #expect(s.form?.picker?.chosen == [EmotionTag(word: "happy", intensity: 1), EmotionTag(word: "excited", intensity: 3)])
        _ = press(&s, .char(" "))                     // drop excited
        #expect(s.form?.picker?.chosen == [EmotionTag(word: "happy", intensity: 1)])
        _ = press(&s, .escape)                        // cancel: nothing kept
        #expect(s.form?.picker == nil && s.form?.emotions == [])
    }

    @Test func enterAfterTypingChoosesTheHighlightedWord() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .tab, .tab, .tab, .enter)
        type(&s, "grate")
        _ = press(&s, .enter)
        #expect(s.form?.picker == nil && s.form?.emotions == [EmotionTag(word: "grateful", intensity: 1)])
    }

    @Test func typingOnAChoiceAfterAMoveChangesNothing() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .tab, .tab, .tab, .tab, .tab, .right, .right, .tab)   // depth vulnerable → received
        #expect(s.form?.field == .received)
        type(&s, "we had a lovely talk")
        #expect(s.form?.field == .received && s.form?.note.text == "")
        #expect(s.form?.received == nil && s.form?.kinds == [] && s.form?.depth == .vulnerable)
    }

    @Test func aSpaceOnAChoiceIsNotText() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .char(" "))        // on "via": nothing
        #expect(s.form?.field == .channel && s.form?.note.text == "" && s.form?.channel == .inPerson)
    }

    @Test func pickerPrefersWordsThatStartWithTheFilter() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .tab, .tab, .tab, .enter)
        type(&s, "str")
        _ = press(&s, .char(" "))
        #expect(s.form?.picker?.chosen == [EmotionTag(word: "stressed", intensity: 1)])
    }

    @Test func pickerKeysDoNothingWhenTheFilterMatchesNothing() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .tab, .tab, .tab, .enter)
        type(&s, "zz")
        #expect(s.form?.picker?.matches.isEmpty == true)
        _ = press(&s, .char(" "), .char("3"))
        #expect(s.form?.picker?.chosen == [])
    }

    @Test func aTooSmallScreenIgnoresKeysButQuit() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .tab, .tab, .tab, .tab, .tab, .tab)
        type(&s, "draft")
        _ = Update.update(&s, .resize(width: 30, height: 8))
        #expect(press(&s, .char("q"), .char("j"), .char(" ")).isEmpty)   // typed text is not lost to an unseen q
        #expect(s.form?.note.text == "draft")
        _ = Update.update(&s, .resize(width: 80, height: 24))
        _ = press(&s, .escape, .char("y"))
        _ = Update.update(&s, .resize(width: 30, height: 8))
        #expect(press(&s, .char("q")) == [.quit])
    }

    @Test func editingAMomentSavesAnUpdate() {
        var s = Fixture.loaded()
        _ = press(&s, .tab, .char("e"))
        #expect(s.form?.editing == 3 && s.form?.emotions.count == 2 && s.form?.time.text == "18:30")
        _ = press(&s, .right)                         // via: call → video
        guard case .updateMoment(let m)? = press(&s, .ctrl("s")).first else { Issue.record("no update"); return }
        #expect(m.id == 3 && m.channel == .video && m.note == "long talk about her dad\nsecond line")
    }

    @Test func groupsCheckInWithTheirMembers() {
        var entries = Fixture.entries()
        entries[5].members = [1, 2]
        var s = AppState(today: Fixture.today, width: 80, height: 24)
        _ = Update.update(&s, .rosterLoaded(entries, people: Fixture.names, groups: [1: "Book club"]))
        _ = press(&s, .char("r"), .char("c"))
        guard case .saveMoment(let m)? = press(&s, .ctrl("s")).first else { Issue.record("no save"); return }
        #expect(m.groupID == 1 && m.people == [1, 2])
    }

    @Test func textBufferEditsWholeCharacters() {
        var b = TextBuffer("a👩‍💻é", multiline: true)
        b.backspace()
        #expect(b.text == "a👩‍💻")
        b.backspace()
        #expect(b.text == "a")
        b.insert("\n")
        for c in "山田" { b.insert(c) }
        #expect(b.cursorPosition == (1, 4))
        let movedUp = b.up()
        #expect(movedUp)
        #expect(b.cursorPosition == (0, 1))
        let movedAgain = b.up()
        #expect(!movedAgain)
        let movedDown = b.down()
        #expect(movedDown)
        b.home()
        #expect(b.cursorPosition == (1, 0))
    }
}

/// The emotion picker's filter and Enter (issue 16, point 2).
@Suite struct PickerEnterTests {
    @Test func enterOnAFilterAddsTheHighlightedWordToWhatWasChosen() throws {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .tab, .tab, .tab, .enter)
        type(&s, "/happ")
        _ = press(&s, .char(" "), .enter)
        #expect(s.form?.emotions.map(\.word) == ["happy"])
        _ = press(&s, .enter)
        #expect(s.context == .picker)
        type(&s, "calm")
        _ = press(&s, .enter)
        #expect(s.form?.emotions.map(\.word) == ["happy", "calm"], "\(s.form?.emotions ?? [])")
        // A word already chosen stays chosen, once.
        _ = press(&s, .enter)
        type(&s, "calm")
        _ = press(&s, .enter)
        #expect(s.form?.emotions.map(\.word) == ["happy", "calm"])
    }
}

/// Typing on a choice (issue 16, point 3): the fast path stays, a mistaken Tab costs nothing.
@Suite struct TypingOnChoicesTests {
    @Test func theFastPathTypesIntoTheNoteFromTheOpeningField() throws {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        type(&s, "walk")
        #expect(s.form?.field == .note && s.form?.note.text == "walk")
    }

    @Test func afterAMoveTypingSpaceAndEnterOnAChoiceNeverReachTheNote() throws {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        while s.form?.field != .uplift { _ = press(&s, .tab) }
        type(&s, "appy")
        _ = press(&s, .char(" "), .enter)
        type(&s, "sad")
        #expect(s.form?.note.text == "", "\(s.form?.note.text ?? "")")
        #expect(s.form?.error?.contains("Tab to the note") == true)
    }

    @Test func aLetterOnThePersonFormsCirclePicksACircle() throws {
        var s = Fixture.loaded()
        _ = press(&s, .char("n"))
        type(&s, "Ana")
        _ = press(&s, .tab, .tab)
        #expect(s.personForm?.field == .circle)
        type(&s, "inner")
        #expect(s.personForm?.circle == .inner && s.personForm?.notes.text == "")
    }
}

/// Ctrl-C over typed text asks first, as Esc does (issue 16, point 18).
@Suite struct CtrlCAsksTests {
    @Test func ctrlCOverTypedTextAsksAndASecondQuits() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        type(&s, "a long note")
        #expect(press(&s, .ctrl("c")).isEmpty)
        #expect(s.form?.note.text == "a long note" && s.message?.contains("Ctrl-C again quits") == true)
        #expect(press(&s, .ctrl("c")) == [.quit])
    }

    @Test func anyOtherKeyKeepsTheFormAndCtrlCAsksAgain() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        type(&s, "note")
        _ = press(&s, .ctrl("c"))
        // The key that answers keeps the form and is not typed; the next ones are.
        type(&s, "ss")
        #expect(s.form?.note.text == "notes")
        #expect(press(&s, .ctrl("c")).isEmpty, "asked again after the user went on typing")
    }

    @Test func ctrlCWithNothingTypedQuitsAtOnce() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"))
        #expect(press(&s, .ctrl("c")) == [.quit])
    }
}

/// `c` in everyone's timeline checks in with the moment's people (issue 16, point 11).
@Suite struct CheckInFromEveryoneTests {
    @Test func cOnAMomentInEveryonesTimelineOffersItsPeople() {
        var s = Fixture.loaded()
        _ = press(&s, .char("j"))                      // the roster on someone else
        #expect(s.selected?.subject != .person(1))
        _ = press(&s, .char("a"), .tab)
        #expect(s.everyone && s.focus == .timeline)
        let scope = s.timeline.scope!
        _ = Update.update(&s, .timelineLoaded(scope, Fixture.moments(), offset: 0, exhausted: true))
        _ = press(&s, .char("j"))                      // the picnic with Zoë and José
        _ = press(&s, .char("c"))
        #expect(s.form?.people == [1, 3], "\(s.form?.people ?? [])")
        #expect(s.form?.title.contains("Zoë") == true && s.form?.title.contains("José") == true, "\(s.form?.title ?? "")")
    }
}

@Suite struct FieldAtFaultTests {
    /// A save that fails on a typed field takes the focus there, by what the field
    /// holds (it was found by searching the error text for "in the future").
    @Test func aFailedSaveFocusesTheFieldAtFault() {
        var s = Fixture.loaded()
        _ = press(&s, .char("c"), .up, .up, .ctrl("u"))
        type(&s, "2027-01-01")
        while s.form?.field != .note { _ = press(&s, .tab) }
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.form?.field == .date)
        _ = press(&s, .ctrl("u"))
        type(&s, "today")
        _ = press(&s, .tab)
        type(&s, "25:99")
        while s.form?.field != .note { _ = press(&s, .tab) }
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.form?.field == .time)
    }
}

/// A group's check-in asks who was there (issue 16, point 14, the check-in part).
@Suite struct GroupCheckInTests {
    @Test func aGroupCheckInTicksWhoWasThere() {
        var s = AppState(today: Fixture.today, width: 100, height: 30)
        var entries = Fixture.entries()
        entries[entries.count - 1] = RosterEntry(subject: .group(1), name: "Book club", circle: nil, cadenceDays: 30,
                                                 last: Fixture.today.adding(days: -40), added: Fixture.today.adding(days: -200), members: [1, 2, 3])
        _ = Update.update(&s, .rosterLoaded(entries, people: Fixture.names, groups: [1: "Book club"]))
        _ = press(&s, .char("r"))
        #expect(s.selected?.subject == .group(1))
        _ = press(&s, .char("c"))
        #expect(s.form?.field == .who && s.form?.people == [1, 2, 3])
        #expect(Screen.render(s).lines().contains { $0.contains("[Zoë Ångström]") && $0.contains("[山田太郎]") })
        _ = press(&s, .right, .char(" "))              // 山田太郎 was not there
        #expect(s.form?.people == [1, 3])
        guard case .saveMoment(let m)? = press(&s, .ctrl("s")).first else { Issue.record("no save"); return }
        #expect(m.people == [1, 3] && m.groupID == 1)
    }
}
