import Foundation

/// Cycles of one regimen entered as rows of their own ("白蛋白紫杉醇+卡铂 C1" … "C6", each with its
/// two weeks) are one regimen: the source hospital attributes the response to the regimen
/// active over the window, and six rows of one chemotherapy read "systemic therapy switched
/// within this interval … a study at the switch would separate them" (cb57-b). The EHR import
/// joins orders of one drug the same way (`regimenGapDays`, setting: a longer gap is a break
/// between regimens).
extension CaseIndex {
    /// `treatments` in start order, each row that continues the regimen before it — the same
    /// drugs (or, without drugs, the same name but for its cycle number), starting within
    /// `gapDays` of that one's end — joined into it: the first row's id, the last row's end and
    /// stop reason, the name without its cycle number.
    static func cyclesJoined(_ treatments: [Treatment], gapDays: Int) -> [Treatment] {
        var joined: [Treatment] = []
        for treatment in treatments {
            if treatment.kind == .systemic, !treatment.planned, let start = treatment.start,
                let index = joined.lastIndex(where: { $0.kind == .systemic && !$0.planned && sameRegimen($0, treatment) }),
                let end = joined[index].end, start.earliestDay >= (joined[index].start?.earliestDay ?? Int.min),
                start.earliestDay - end.latestDay <= gapDays
            {
                joined[index].end = treatment.end
                joined[index].stopReason = treatment.stopReason
                joined[index].doses += treatment.doses
                if let name = joined[index].name, let next = treatment.name, name != next {
                    let stripped = cycleStripped(name)
                    joined[index].name = stripped == cycleStripped(next) ? stripped : name
                }
                continue
            }
            joined.append(treatment)
        }
        return joined
    }

    /// The same regimen: the same drugs, when both rows name them; else the same name but for
    /// a cycle number.
    static func sameRegimen(_ a: Treatment, _ b: Treatment) -> Bool {
        if !a.drugs.isEmpty, !b.drugs.isEmpty { return drugKey(a) == drugKey(b) }
        guard let x = a.name, let y = b.name else { return false }
        return x == y || cycleStripped(x) == cycleStripped(y)
    }

    private static func drugKey(_ treatment: Treatment) -> Set<String> {
        Set(treatment.drugs.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    /// A regimen's name without a cycle number at its end: "TC C3", "AC 第2周期", "第二疗程",
    /// "cycle 4", "#5", "(3/6)".
    static func cycleStripped(_ name: String) -> String {
        let patterns = [
            #"[\s,，、]*(第\s*[0-9一二三四五六七八九十]+\s*(周期|疗程|程|个周期))$"#,
            // Not a letter before it: "TC1" is no "T" given once.
            #"[\s,，、]*(?<![A-Za-z])(cycle|cyc|c)\s*[0-9]+$"#,
            #"[\s,，、]*#\s*[0-9]+$"#,
            #"[\s,，、]*[(（]\s*[0-9]+\s*/\s*[0-9]+\s*[)）]$"#,
            #"[\s,，、]*[0-9]+\s*(周期|疗程)$"#,
        ]
        var text = name.trimmingCharacters(in: .whitespaces)
        // Most names carry no cycle number: no pattern is tried on them (issue #12 — every
        // re-assessment reads every regimen).
        guard text.unicodeScalars.contains(where: { ("0"..."9").contains($0) || "周疗程".unicodeScalars.contains($0) }) else { return text }
        for pattern in patterns {
            if let range = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) {
                text.removeSubrange(range)
                break
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

extension CaseRecord {
    /// The record's treatments in start order with cycles of one regimen joined, as the rules
    /// read them (`CaseIndex.cyclesJoined`): for pages that draw the regimens.
    public func regimensJoined(gapDays: Int) -> [Treatment] {
        CaseIndex.cyclesJoined(
            treatments.sorted { ($0.start?.earliestDay ?? Int.max, $0.id) < ($1.start?.earliestDay ?? Int.max, $1.id) }, gapDays: gapDays)
    }
}
