@testable import BoneMetRules
import Testing

/// cb82-f (unseen record, 2026-12-05): two results of one test, or two readings of one lesion,
/// on one day. The record gives no time of day; before rule set 2026.12.316 the higher number
/// written won for a laboratory test (calcium 8.9 and 7.5 mg/dL of one morning read 8.9, no
/// hypocalcaemia before denosumab) and the study whose id sorted last won for a reading (a T12
/// read "posterolateral bilateral" and "unilateral" on two CTs of one day scored SINS 11 or 13
/// by the ids). Now the one that asks for more is read, in any order, and
/// `diagnosis.record.sameDayConflict` names the pair.
@Suite struct SameDayLabTests {
    func record(_ labs: [LabResult]) -> CaseRecord {
        var r = baseCase()
        r.treatments.append(Treatment(id: "D", kind: .boneModifyingAgent, start: day("2023-01-15"), agent: .denosumab, doseMg: 120, intervalWeeks: 4, doses: [day("2023-01-15")]))
        r.dentalExams = [day("2023-01-12")]
        r.labs = labs
        return r
    }

    func calcium(_ value: Double, _ unit: String = "mg/dL", on date: String = "2023-02-10") -> LabResult {
        LabResult(date: day(date), test: .calcium, value: value, unit: unit, upperLimit: unit == "mg/dL" ? 10.2 : nil, lowerLimit: unit == "mg/dL" ? 8.6 : nil)
    }

    @Test func theLowerCalciumOfOneDayIsTheHypocalcaemiaInEitherOrder() throws {
        let albumin = LabResult(date: day("2023-02-10"), test: .albumin, value: 4.0, unit: "g/dL")
        for labs in [[calcium(8.9), calcium(7.5), albumin], [calcium(7.5), calcium(8.9), albumin]] {
            let a = assess(record(labs), asOf: day("2023-02-11"))
            let low = try #require(a.rule("labs.hypocalcaemia").first)
            #expect(low.title.en.contains("7.5 mg/dL"))
            let conflict = try #require(a.rule("diagnosis.record.sameDayConflict").first)
            #expect(conflict.title.en == "Two serum calcium results of 2023-02-10 disagree: 7.5 mg/dL, 8.9 mg/dL" || conflict.title.en == "Two serum calcium results of 2023-02-10 disagree: 8.9 mg/dL, 7.5 mg/dL")
            #expect(conflict.detail.en.contains("The findings read 7.5 mg/dL"))
            #expect(conflict.detail.zhHans.contains("7.5 mg/dL（偏离正常范围更远者）"))
            #expect(conflict.severity == .advisory && conflict.specialty == .mdtCoordinator)
        }
    }

    @Test func theHigherCalciumOfOneDayIsTheHypercalcaemia() throws {
        for labs in [[calcium(9.5), calcium(11.8)], [calcium(11.8), calcium(9.5)]] {
            let a = assess(record(labs), asOf: day("2023-02-11"))
            #expect(a.rule("labs.hypercalcaemia").first?.title.en.contains("11.8 mg/dL") == true)
        }
    }

    /// The same result in two units (a mmol/L report beside its mg/dL conversion) is no conflict.
    @Test func oneResultInTwoUnitsIsNoConflict() {
        let a = assess(record([calcium(2.35, "mmol/L"), calcium(9.4)]), asOf: day("2023-02-11"))
        #expect(!a.has("diagnosis.record.sameDayConflict"))
        let b = assess(record([LabResult(date: day("2023-02-10"), test: .hemoglobin, value: 92, unit: "g/L"), LabResult(date: day("2023-02-10"), test: .hemoglobin, value: 9, unit: "g/dL")]), asOf: day("2023-02-11"))
        #expect(!b.has("diagnosis.record.sameDayConflict"))
        // Results of different days are a course, not a conflict.
        let c = assess(record([calcium(9.5, on: "2023-02-09"), calcium(11.8)]), asOf: day("2023-02-11"))
        #expect(!c.has("diagnosis.record.sameDayConflict"))
    }

    /// Each test by the end that changes treatment: creatinine (renal dosing) the higher,
    /// platelets and haemoglobin (radium-223's limits, Katagiri) the lower, the free light-chain
    /// ratio the farther from 1.
    @Test func eachTestReadsTheEndThatActs() {
        func latest(_ test: LabTest, _ values: [Double], unit: String) -> Double? {
            for order in [values, values.reversed()] {
                let r = record(order.map { LabResult(date: day("2023-02-10"), test: test, value: $0, unit: unit) })
                let first = CaseIndex(r, asOf: day("2023-02-11"), settings: .default).latestLab(test)?.value
                if order != values { return first }
            }
            return nil
        }
        #expect(latest(.creatinine, [1.0, 2.1], unit: "mg/dL") == 2.1)
        #expect(latest(.platelets, [120, 45], unit: "10^9/L") == 45)
        #expect(latest(.hemoglobin, [9.5, 7.8], unit: "g/dL") == 7.8)
        #expect(latest(.egfr, [35, 55], unit: "mL/min/1.73m2") == 35)
        #expect(latest(.freeLightChainRatio, [1.2, 0.05], unit: "ratio") == 0.05)
        #expect(latest(.freeLightChainRatio, [1.2, 8], unit: "ratio") == 8)
    }
}

@Suite struct SameDayReadingTests {
    func spine(_ first: SINS.Posterolateral, _ second: SINS.Posterolateral, ids: (String, String) = ("C1", "C2"), secondModality: Modality = .ct) -> CaseRecord {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T12"))]
        func reading(_ posterolateral: SINS.Posterolateral) -> LesionObservation {
            observation("V", .lytic) { $0.boneDestruction = true; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = posterolateral }
        }
        var other = ct(ids.1, "2023-01-05", [reading(second)])
        other.modality = secondModality
        r.studies = [ct(ids.0, "2023-01-05", [reading(first)]), other]
        r.pain = [PainRecord(date: day("2023-01-05"), lesion: "V", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2023-01-05"), status: .intact, frankel: .E)]
        return r
    }

    /// Lytic 2 + junctional 3 + mechanical 3 + collapse < 50 % 2 + alignment 0: bilateral 3 makes
    /// 13 (unstable), unilateral 1 makes 11 — whichever study's id sorts last.
    @Test func theWorseReadingOfTheDayIsScoredWhateverTheIds() throws {
        for ids in [("C1", "C2"), ("C2", "C1")] {
            for (first, second) in [(SINS.Posterolateral.bilateral, SINS.Posterolateral.unilateral), (.unilateral, .bilateral)] {
                let a = assess(spine(first, second, ids: ids), asOf: day("2023-01-06"))
                let noms = try #require(a.rule("surgery.spine.noms").first)
                #expect(noms.title.en.contains("SINS 13"), "\(ids) \(first) \(second)")
                let conflict = try #require(a.rule("diagnosis.record.sameDayConflict").first)
                #expect(conflict.detail.en.hasPrefix("posterolateral involvement: "))
                #expect(conflict.detail.zhHans.hasPrefix("后外侧结构受累："))
                #expect(conflict.subject == .lesion("V"))
            }
        }
    }

    /// An X-ray and a CT of one morning are one examination seen two ways: the worse is scored,
    /// nothing is asked. Two CTs that agree ask nothing either.
    @Test func differentKindsOfStudyOrAgreeingReadingsAreNoConflict() throws {
        let a = assess(spine(.unilateral, .bilateral, secondModality: .mri), asOf: day("2023-01-06"))
        #expect(!a.has("diagnosis.record.sameDayConflict"))
        #expect(a.rule("surgery.spine.noms").first?.title.en.contains("SINS 13") == true)
        #expect(!assess(spine(.bilateral, .bilateral), asOf: day("2023-01-06")).has("diagnosis.record.sameDayConflict"))
    }

    /// Mirels: two films of one day reading the size as 1/3–2/3 and > 2/3 score the larger.
    @Test func theLargerSizeOfTheDayIsScored() throws {
        for sizes in [(Mirels.Size.oneThirdToTwoThirds, Mirels.Size.moreThanTwoThirds), (.moreThanTwoThirds, .oneThirdToTwoThirds)] {
            var r = baseCase()
            func film(_ id: String, _ size: Mirels.Size) -> ImagingStudy {
                ImagingStudy(id: id, date: day("2023-01-05"), modality: .xray, observations: [observation("L1", .lytic) { $0.boneDestruction = true; $0.mirelsSize = size }])
            }
            r.studies = [film("X1", sizes.0), film("X2", sizes.1)]
            r.pain = [PainRecord(date: day("2023-01-05"), lesion: "L1", mirels: .moderate)]
            let a = assess(r, asOf: day("2023-01-06"))
            // Lower limb 2 + moderate 2 + lytic 3 + > 2/3 3.
            #expect(a.mirels.last?.total.score == 10)
            #expect(a.rule("diagnosis.record.sameDayConflict").first?.detail.en.hasPrefix("size (Mirels): ") == true)
        }
    }
}

/// cb82-f: a T12 entered twice (lesion records L1 and L2, one with the level, one with it in its
/// note), its collapse read on both. "3 skeletal-related events": the fracture counted once per
/// record. One site, one fracture (rule set 2026.12.316).
@Suite struct SameSiteFractureTests {
    @Test func oneSiteRecordedTwiceIsOneFracture() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "A", bone: .vertebra, level: VertebralLevel("T12")), Lesion(id: "B", bone: .vertebra, note: "T12椎体转移")]
        func reading(_ id: String) -> LesionObservation {
            observation(id, .lytic) { $0.boneDestruction = true; $0.collapse = .under50 }
        }
        r.studies = [ct("C1", "2023-01-05", [reading("A"), reading("B")])]
        let a = assess(r, asOf: day("2023-01-10"))
        #expect(a.has("diagnosis.record.sameSite"))
        let history = try #require(a.rule("boneAgents.sreHistory").first)
        #expect(history.title.en.hasPrefix("1 skeletal-related event"), "\(history.title.en)")
        // Two vertebrae are two fractures.
        r.lesions[1] = Lesion(id: "B", bone: .vertebra, level: VertebralLevel("L1"))
        #expect(assess(r, asOf: day("2023-01-10")).rule("boneAgents.sreHistory").first?.title.en.hasPrefix("2 skeletal-related event") == true)
    }
}

/// cb82-l: a T6 read "blastic" on a CT 22 months before the MRI that graded its collapse and
/// ESCC 3. SINS still scores the type on record, and says where it comes from (rule set
/// 2026.12.316).
@Suite struct SINSTypeReadBeforeTests {
    @Test func anOldTypeIsSaidWithItsStudy() throws {
        var r = baseCase()
        r.lesions = [Lesion(id: "V", bone: .vertebra, level: VertebralLevel("T6"))]
        let mri = ImagingStudy(id: "M1", date: day("2024-11-26"), modality: .mri, observations: [
            observation("V") { $0.escc = .g1a; $0.collapse = .under50; $0.alignment = .normal; $0.posterolateral = .bilateral },
        ])
        r.studies = [ct("C1", "2023-01-22", [observation("V", .blastic) { $0.boneDestruction = false }]), mri]
        r.pain = [PainRecord(date: day("2024-11-26"), lesion: "V", sins: .mechanical)]
        r.neurology = [NeurologyRecord(date: day("2024-11-26"), status: .intact, frankel: .E)]
        let noms = try #require(assess(r, asOf: day("2024-11-27")).rule("surgery.spine.noms").first)
        // Blastic 0 + semi-rigid 1 + mechanical 3 + collapse < 50 % 2 + alignment 0 + bilateral 3.
        #expect(noms.title.en.contains("SINS 9"))
        #expect(noms.detail.en.contains("M: SINS 9 (potentially unstable (7–12)) — its lesion type (blastic) from the CT of 2023-01-22, before the MRI of 2024-11-26: read the type again on CT"), "\(noms.detail.en)")
        #expect(noms.detail.zhHans.contains("——其病灶性质（成骨性）来自2023-01-22 CT 检查，早于2024-11-26 MRI 检查：请在 CT 上重新判读"))
        // Read within four weeks of the MRI: nothing said.
        r.studies[0] = ct("C1", "2024-11-01", [observation("V", .blastic) { $0.boneDestruction = false }])
        let recent = try #require(assess(r, asOf: day("2024-11-27")).rule("surgery.spine.noms").first)
        #expect(!recent.detail.en.contains("its lesion type"))
    }
}
