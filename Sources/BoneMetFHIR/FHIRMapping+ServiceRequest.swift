import BoneMetRules

/// A ServiceRequest for radiotherapy or an orthopaedic operation: a hospital system writes the
/// plan as an order — "胸5-6 术后放疗 30Gy/10F", occurrence 2026-12-08 — and the import skipped
/// ServiceRequest altogether (unseen bundle ehr18), so a planned course or fixation never reached
/// the rules (a postoperative course "given or planned", a fixation planned before radiotherapy,
/// the anti-angiogenic hold before an operation). Read as the Procedure it asks for, in
/// preparation (`mapProcedure`): placed the same way, planned, on its occurrence date. Other
/// requests — laboratory tests, imaging, consultations — are not BoneMet's and stay silent.
extension FHIRCaseMapper {
    /// The ServiceRequest as a planned Procedure when it asks for radiotherapy or an operation
    /// and is still to be done (status active or on hold; not a proposal or an option); nil
    /// otherwise, silently: a completed request's Procedure records what was done, and draft,
    /// revoked or mistaken ones asked for nothing — a system sends thousands of finished
    /// laboratory orders, which no note should list.
    static func plannedProcedure(from resource: FHIRResource) -> FHIRResource? {
        let r = resource.json
        guard ["active", "on-hold"].contains(r["status"]?.string ?? ""),
              !["proposal", "option"].contains(r["intent"]?.string ?? "") else { return nil }
        let names = [FHIRRead.text(r["code"])] + FHIRRead.codings(r["code"]).map(\.display)
        guard isRadiotherapy(named: names) || SurgicalProcedureText.read(names) != nil else { return nil }
        var members = r.members.filter { !["resourceType", "status", "intent", "occurrenceDateTime", "occurrencePeriod"].contains($0.key) }
        members.insert(.init("resourceType", .string("Procedure")), at: 0)
        members.append(.init("status", .string("preparation")))
        if let date = r["occurrenceDateTime"] {
            members.append(.init("performedDateTime", date))
        } else if let period = r["occurrencePeriod"] {
            members.append(.init("performedPeriod", period))
        }
        return try? FHIRResource(.object(members))
    }

    /// Planned rows read from ServiceRequests (ids) that a treatment done since has carried out —
    /// the same kind, on a lesion of the plan (or, the plan placed on none, on any), begun on or
    /// after the request was written (`authoredOn`, when it says): a hospital system leaves an
    /// order active after the operation, and the plan then read "planned, date passed — record
    /// whether it took place" beside the operation on record.
    static func dropDonePlans(_ planned: [(id: String, authored: PartialDate?, label: String)], record: inout CaseRecord, notes: inout [MappingNote]) {
        for plan in planned {
            guard let index = record.treatments.firstIndex(where: { $0.id == plan.id && $0.planned }) else { continue }
            let row = record.treatments[index]
            let done = record.treatments.first { other in
                !other.planned && other.kind == row.kind
                    && (row.lesions.isEmpty || !Set(other.lesions).isDisjoint(with: row.lesions))
                    && (plan.authored.map { authored in other.start.map { $0.latestDay >= authored.earliestDay } ?? false } ?? true)
            }
            guard let done else { continue }
            record.treatments.remove(at: index)
            notes.append(MappingNote(resource: plan.label, message: "request carried out by \(done.id) of \(done.start?.description ?? "unknown date"): not kept as a plan"))
        }
    }
}
