/// Checks across sections: unique ids, references to known lesions, dates in order, levels that
/// fit their bone. Each problem names the path of the field to fix.
enum CaseConsistency {
    static func check(_ record: CaseRecord, log: ValidationLog) {
        unique(record.lesions.map(\.id), section: "lesions", log: log)
        unique(record.studies.map(\.id), section: "studies", log: log)
        unique(record.treatments.map(\.id), section: "treatments", log: log)
        unique(record.primaries.map(\.id), section: "primaries", log: log)

        let lesionIds = record.lesions.map(\.id)
        let known = Set(lesionIds)
        func reference(_ id: String?, at path: String) {
            if let id, !known.contains(id) {
                log.add(InputError(field: path, problem: .unknownValue(id, allowed: lesionIds.isEmpty ? ["(no lesions defined)"] : lesionIds)))
            }
        }
        for (s, study) in record.studies.enumerated() {
            var seen: Set<String> = []
            for (o, observation) in study.observations.enumerated() {
                reference(observation.lesion, at: "studies[\(s)].observations[\(o)].lesion")
                if !seen.insert(observation.lesion).inserted {
                    log.add(InputError(field: "studies[\(s)].observations[\(o)].lesion", problem: .custom(LocalizedText(
                        en: "this lesion is already observed in this study", zh: "该病灶在本次检查中已有观察记录"))))
                }
            }
        }
        for (t, treatment) in record.treatments.enumerated() {
            for (l, lesion) in treatment.lesions.enumerated() { reference(lesion, at: "treatments[\(t)].lesions[\(l)]") }
            if let start = treatment.start, let end = treatment.end, end.latestDay < start.earliestDay {
                log.add(InputError(field: "treatments[\(t)].end", problem: .custom(LocalizedText(
                    en: "ends before it starts (\(start))", zh: "结束日期早于开始日期（\(start)）"))))
            }
        }
        for (i, item) in record.pain.enumerated() { reference(item.lesion, at: "pain[\(i)].lesion") }
        for (i, item) in record.neurology.enumerated() { reference(item.lesion, at: "neurology[\(i)].lesion") }
        for (i, item) in record.biopsies.enumerated() { reference(item.lesion, at: "biopsies[\(i)].lesion") }
        for (i, item) in record.events.enumerated() { reference(item.lesion, at: "events[\(i)].lesion") }
        for (i, lesion) in record.lesions.enumerated() {
            guard let level = lesion.level else { continue }
            let fits = lesion.bone == .vertebra ? level.region != .sacral : lesion.bone == .sacrum ? level.region == .sacral : false
            if !fits {
                log.add(InputError(field: "lesions[\(i)].level", problem: .custom(LocalizedText(
                    en: "level \(level) does not fit bone \"\(lesion.bone.rawValue)\" (vertebra: C, T, L levels; sacrum: S levels)",
                    zh: "节段 \(level) 与骨 \"\(lesion.bone.rawValue)\" 不符（椎体：C、T、L 节段；骶骨：S 节段）"))))
            }
        }
    }

    private static func unique(_ ids: [String], section: String, log: ValidationLog) {
        var seen: Set<String> = []
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            log.add(InputError(field: "\(section)[\(index)].id", problem: .custom(LocalizedText(
                en: "duplicate id \"\(InputError.shorten(id))\"", zh: "重复的 id \"\(InputError.shorten(id))\""))))
        }
    }
}
