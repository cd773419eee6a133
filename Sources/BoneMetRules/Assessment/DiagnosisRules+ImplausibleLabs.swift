/// Laboratory results whose value no laboratory reports from a living patient in the unit
/// written — a creatinine of 88 "mg/dL" (µmol/L), a calcium of 2.35 "mg/dL" (mmol/L). Read as
/// written they dosed zoledronic acid from a CrCl of 0.7 mL/min and graded a hypocalcaemia
/// of −23 mg/dL (cb22-a, rule set 2026.12.124). The rules leave them out (`CaseIndex.labs`);
/// this finding names them, per test, with the unit each would fit, so the record is corrected
/// rather than silently read without them.
extension DiagnosisRules {
    static let young1987 = Citation(
        id: "young1987", text: "Young DS. Ann Intern Med 1987;106:114-29 (SI units for clinical laboratory data: conversion factors)")

    func implausibleLabFindings() -> [Finding] {
        var order: [LabTest] = []
        var byTest: [LabTest: [LabResult]] = [:]
        for lab in index.implausibleLabs {
            if byTest[lab.test] == nil { order.append(lab.test) }
            byTest[lab.test, default: []].append(lab)
        }
        return order.compactMap { test -> Finding? in
            guard let results = byTest[test], let latest = results.last else { return nil }
            let name = test.label
            // A sentence starts with a capital — but "eGFR" is no "EGFR" (a gene).
            let opening = name.en.dropFirst().first?.isLowercase == true ? name.en.prefix(1).uppercased() + name.en.dropFirst() : name.en
            let listed = results.map { lab -> (en: String, zh: String) in
                let written = "\(LabTest.text(lab.value)) \(lab.unit) (\(lab.date))"
                let writtenZh = "\(LabTest.text(lab.value)) \(lab.unit)（\(lab.date)）"
                let fits = test.plausibleUnits(for: lab.value).filter { $0 != lab.unit }
                guard let other = fits.first else { return (written, writtenZh) }
                return ("\(written) — possible in \(other)", "\(writtenZh)——按 \(other) 则可能")
            }
            let range = test.plausibleRangeText(in: latest.unit) ?? latest.unit
            let fallback = index.latestLab(test)
            let usedEn = fallback.map { "the rules read the latest possible result instead, \(LabTest.text($0.value)) \($0.unit) of \($0.date)" }
                ?? "the rules read no \(name.en) until then"
            let usedZh = fallback.map { "规则改用此前最近一次可能的结果：\($0.date) \(LabTest.text($0.value)) \($0.unit)" }
                ?? "在此之前规则不使用任何\(name.zhHans)结果"
            return Finding(
                ruleId: "diagnosis.record.labImplausible", severity: .warning, duty: .diagnosis, specialty: .mdtCoordinator,
                subject: .patient, date: latest.date,
                title: LocalizedText(
                    en: "\(opening) \(LabTest.text(latest.value)) \(latest.unit) (\(latest.date)) is not a possible value — check the unit",
                    zh: "\(name.zhHans) \(LabTest.text(latest.value)) \(latest.unit)（\(latest.date)）不是可能的数值——请核对单位"),
                detail: LocalizedText(
                    en: "No laboratory reports a \(name.en) outside \(range) from a living patient: \(listed.map(\.en).joined(separator: "; ")). A value in another unit entered under this one (or a unit-less export read in the wrong one) changes every rule that reads it — clearance and dose, calcium grade, CRAB, New Katagiri. Correct the unit in the record; these results are not used, and \(usedEn).",
                    zh: "活体患者的\(name.zhHans)不会超出 \(range)：\(listed.map(\.zh).joined(separator: "；"))。把另一种单位的数值记在此单位下（或无单位导出按错误单位读取），会改变所有使用它的规则——肌酐清除率与剂量、血钙分级、CRAB、新 Katagiri 评分。请在病历中更正单位；这些结果不被使用，\(usedZh)。"),
                inputs: results.map { FindingInput(test.rawValue, "\(LabTest.text($0.value)) \($0.unit) (\($0.date))") },
                sources: [Self.young1987])
        }
    }
}
