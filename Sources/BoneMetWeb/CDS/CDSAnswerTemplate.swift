import BoneMetFHIR
import Foundation

/// A CDS Hooks answer kept as text, split where each card's `uuid` goes (issue #12): for a
/// patient with a BoneMet case the cards follow from the case's assessment alone — the same for
/// every call of one case version, day, language and hook — so they are built and written once,
/// and each call only puts fresh uuids in (CDS Hooks 2.0: a card's uuid identifies that card in
/// feedback, so no two answers share one).
struct CDSAnswerTemplate: Sendable {
    let pieces: [String]
    /// How many cards the answer holds (for the audit entry).
    let cards: Int

    /// The answer `{"cards": …}` of these cards, or nil when a uuid cannot be told apart in its
    /// text (then the caller writes the answer itself).
    init?(cards: [FHIRJSON]) {
        let text = FHIRJSON.object([.init("cards", .array(cards))]).serialized()
        let uuids = cards.flatMap { card in
            [card["uuid"]?.string].compactMap { $0 } + (card["suggestions"]?.array ?? []).compactMap { $0["uuid"]?.string }
        }
        var pieces = [text]
        for uuid in uuids {
            guard let last = pieces.popLast() else { return nil }
            let parts = last.split(separator: uuid, omittingEmptySubsequences: false)
            // Each uuid once, in order (random 122-bit ids never occur in other text).
            guard parts.count == 2 else { return nil }
            pieces += parts.map(String.init)
        }
        self.pieces = pieces
        self.cards = cards.count
    }

    /// The answer with a fresh uuid for every card and suggestion.
    func answer() -> String {
        var text = pieces[0]
        for piece in pieces.dropFirst() {
            text += UUID().uuidString.lowercased()
            text += piece
        }
        return text
    }

    var bytes: Int { pieces.reduce(0) { $0 + $1.utf8.count } }
}
