import BoneMetDomain

/// Audit of what a page or an API answer showed (issue #11: every list, search and worklist that
/// shows patient ids is audited with the user, time, client address and what was shown).
extension AppServices {
    func auditShown(_ context: AppRequestContext, user: User, action: String, what: String, patients: [String]) async throws {
        // The pseudonymous patient ids shown, in order (a page holds at most a few hundred).
        let shown = patients.isEmpty ? "none" : patients.joined(separator: ", ")
        let detail = "\(what): \(patients.count) shown — \(shown)"
        try await audit.record(userId: user.id, action: action, caseId: nil, detail: String(detail.prefix(4000)), at: now(), client: context.clientAddress)
    }
}
