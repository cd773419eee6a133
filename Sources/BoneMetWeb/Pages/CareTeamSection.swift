import BoneMetDomain
import Plot

/// The case page's care team: who may open the record and why, colleagues to add (by those on
/// the team who manage meetings), and — for a user who opened it by emergency access — until when.
struct CareTeamSection {
    struct Member {
        let user: User
        let basis: CareTeamMember.Basis
    }
    var members: [Member] = []
    /// Active colleagues not on the team, offered to be added.
    var candidates: [User] = []
    var canManage = false
    /// Set when the reader opened the record by "break the glass".
    var emergencyUntil: Int64?

    func node(caseId: String, layout: Layout) -> Node<HTML.BodyContext> {
        let language = layout.language
        let id = HTMLEscape.attribute(caseId)
        return .element(named: "section", nodes: [
            .class("care-team"), .id("care-team"),
            .h2(.text(CareTeamTexts.team(language))),
            .unwrap(emergencyUntil) { until in
                .p(.class("emergency"), .attribute(named: "role", value: "status"), .text("\(CareTeamTexts.emergencyAccess(language)) \(layout.time(until))"))
            },
            .ul(.forEach(members) { member in
                .li(
                    .text("\(member.user.displayName) · \(member.user.role.label(language)) · "),
                    .span(.class("muted"), .text(basis(member.basis)(language))),
                    .if(canManage && member.basis == .added, .element(named: "form", nodes: [
                        .attribute(named: "method", value: "post"), .attribute(named: "action", value: "/cases/\(id)/team/remove"), .class("inline"),
                        .raw(#"<input type="hidden" name="_csrf" value="\#(HTMLEscape.attribute(layout.csrf ?? ""))">"#),
                        .raw(#"<input type="hidden" name="user" value="\#(HTMLEscape.attribute(member.user.id))">"#),
                        .button(.type(.submit), .class("link"), .text(CareTeamTexts.remove(language))),
                    ]))
                )
            }),
            .if(canManage && !candidates.isEmpty, .element(named: "form", nodes: [
                .attribute(named: "method", value: "post"), .attribute(named: "action", value: "/cases/\(id)/team"),
                .raw(#"<input type="hidden" name="_csrf" value="\#(HTMLEscape.attribute(layout.csrf ?? ""))">"#),
                .label(
                    .text(CareTeamTexts.addMember(language) + " "),
                    .element(named: "select", nodes: [
                        .attribute(named: "name", value: "user"),
                        .forEach(candidates) { user in
                            .element(named: "option", nodes: [
                                .attribute(named: "value", value: HTMLEscape.attribute(user.id)), .text("\(user.displayName) · \(user.role.label(language))"),
                            ])
                        },
                    ])),
                .button(.type(.submit), .text(CareTeamTexts.addMember(language))),
            ])),
            .p(.class("muted"), .text(CareTeamTexts.coordinatorsSeeAll(language))),
        ])
    }

    func basis(_ basis: CareTeamMember.Basis) -> LocalizedText {
        switch basis {
        case .created: CareTeamTexts.createdCase
        case .added: CareTeamTexts.added
        case .meeting: CareTeamTexts.atMeeting
        }
    }
}
