extension VCard {
    /// One card's lines, before they are read as a person.
    struct RawCard {
        let start: Int
        var props: [Property] = []
        /// What was left out of it, each with its line: said only if the card comes in.
        var warnings: [(line: Int, text: String)] = []
        /// Why the whole card cannot be read.
        var broken: String? = nil
    }

    /// A card or, in file order with them, a card that never ended.
    enum Piece {
        case card(RawCard)
        case problem(String)
    }

    /// Groups a file's logical lines into cards. A line that cannot be read costs only
    /// what it belongs to, never the card: real address books carry comments, 2.1 photos
    /// whose base64 lines are not indented, lines continued with a backslash, and cards
    /// nested in AGENT, and every other reader takes those cards.
    struct Splitter {
        let file: String
        private(set) var pieces: [Piece] = []
        private(set) var sawCard = false
        private var card: RawCard? = nil
        /// How deep inside a card nested in AGENT, and where that AGENT was.
        private var nested = 0, agentLine = 0
        /// An AGENT with no value came last: a BEGIN:VCARD now starts its card.
        private var agentWaiting = false
        /// The last property was base64: lines of base64 without indentation still belong
        /// to it, as vCard 2.1 ends base64 only at a blank line.
        private var inBase64 = false
        /// Unreadable lines run on from the line numbered here, already said.
        private var strayFrom: Int? = nil

        init(file: String) { self.file = file }

        mutating func take(_ line: Line) {
            if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                inBase64 = false
                return
            }
            if line.bytes.count > maxLine {
                if nested == 0, card != nil, card?.broken == nil {
                    card?.broken = "\(file):\(line.number): a line over \(maxLine / 1_000_000) MB (not a contact's text)"
                }
                return
            }
            let prop = Property(line)
            if nested > 0 || (agentWaiting && prop?.isBegin == true) {
                agentWaiting = false
                skipNested(prop)
            } else if line.bytes.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "#") {
                warn(line.number, "skipped a comment line")
            } else if let prop {
                agentWaiting = false
                take(prop)
            } else {
                agentWaiting = false
                stray(line)
            }
        }

        mutating func finish() {
            if let card { pieces.append(.problem("\(file):\(card.start): card has no END:VCARD")) }
            card = nil
        }

        private mutating func take(_ prop: Property) {
            inBase64 = false
            strayFrom = nil
            if prop.isBegin {
                finish()
                card = RawCard(start: prop.line)
                sawCard = true
            } else if prop.isEnd {
                if let card { pieces.append(.card(card)) }
                card = nil
            } else if card != nil {
                if prop.name == "AGENT", agent(prop) { return }
                card?.props.append(prop)
                inBase64 = prop.isBase64
            }
        }

        /// Android writes an assistant's card inside the person's, after `AGENT:` or as
        /// `AGENT:BEGIN:VCARD`: it is not a person of the user's, and the outer card goes on
        /// after it. True when a nested card starts here.
        private mutating func agent(_ prop: Property) -> Bool {
            let value = prop.asciiValue.uppercased()
            agentLine = prop.line
            if value == "BEGIN:VCARD" {
                nested = 1
                return true
            }
            agentWaiting = value.isEmpty
            return false
        }

        private mutating func skipNested(_ prop: Property?) {
            if prop?.isBegin == true { nested += 1 }
            if prop?.isEnd == true { nested -= 1 }
            if nested == 0 { warn(agentLine, "skipped the card nested in AGENT") }
        }

        /// A line that is no property: the unreadable rest of the property before it. A
        /// property kith reads keeps what its own line said; any other (an address, a photo)
        /// is dropped whole, as kith would not keep it anyway.
        private mutating func stray(_ line: Line) {
            guard let card else { return }
            if inBase64, line.bytes.allSatisfy(Self.isBase64) { return }
            inBase64 = false
            guard strayFrom == nil else { return }
            strayFrom = line.number
            if let last = card.props.last, !VCard.readHere.contains(last.name) {
                self.card?.props.removeLast()
                warn(last.line, "skipped an unreadable \(last.name)")
            } else {
                warn(line.number, "skipped a line without a ':' (not a vCard property)")
            }
        }

        private mutating func warn(_ line: Int, _ what: String) {
            card?.warnings.append((line, "\(file):\(line): \(what); the card was imported"))
        }

        static func isBase64(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), 0x20, 0x09: true
            default: false
            }
        }
    }
}
