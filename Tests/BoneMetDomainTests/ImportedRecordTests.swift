@testable import BoneMetDomain
import BoneMetRules
import BoneMetTestSupport
import Foundation
import Testing

/// A record built from an EHR's data is stored only as one that reads back like a typed case
/// (CaseLimits, CaseFile.readable): what does not fit is left out with a note, the rest kept.
@Suite struct ImportedRecordTests {
    static let asOf = PartialDate(year: 2023, month: 6, day: 1) ?? PartialDate(dayNumber: 0)

    static func date(_ text: String) -> PartialDate { PartialDate(text) ?? asOf }

    @Test func aValidRecordIsKeptAsItIs() throws {
        var records = try CaseJSONEncoderTests.examples
        for seed in UInt64(1)...20 { records.append(SyntheticCase.make(lesions: 3, studies: 4, treatments: 3, seed: seed)) }
        for record in records {
            let fitted = CaseLimits.fit(record)
            #expect(fitted.record == record && fitted.dropped.isEmpty)
            let readable = CaseFile.readable(record)
            #expect(readable.record == record && readable.dropped.isEmpty)
        }
    }

    @Test func numbersOutsideTheFormatsLimitsAreLeftOut() throws {
        var record = SyntheticCase.make(lesions: 2, studies: 2, treatments: 2, seed: 7)
        record.labs.append(LabResult(date: Self.date("2023-01-02"), test: .creatinine, value: 1e300, unit: "mg/dL"))
        record.labs.append(LabResult(date: Self.date("2023-01-03"), test: .calcium, value: 9.1, unit: "mg/dL", upperLimit: .infinity))
        record.treatments[0].doseMg = -5
        record.performance.append(PerformanceStatus(date: Self.date("2023-01-04"), ecog: 9))
        let (fitted, dropped) = CaseLimits.fit(record)
        #expect(!fitted.labs.contains { $0.value == 1e300 })
        #expect(fitted.labs.first { $0.test == .calcium && $0.value == 9.1 }?.upperLimit == nil)
        #expect(fitted.treatments[0].doseMg == nil)
        #expect(!fitted.performance.contains { $0.ecog == 9 })
        #expect(dropped.count == 4, "\(dropped)")
        #expect(throws: Never.self) { try CaseFile.read(CaseFile.write(fitted)) }
    }

    @Test func whatContradictsTheRestIsLeftOutWithANote() throws {
        var record = CaseRecord(patient: Patient(id: "p", sex: .female, birthDate: Self.date("1958-04")))
        record.primaries = [PrimaryCancer(id: "P1", site: .breast, diagnosed: Self.date("2020-01"))]
        // A placeholder date before birth, a creatinine of 0, a dose before its start.
        record.labs = [
            LabResult(date: Self.date("1900-01-01"), test: .hemoglobin, value: 12, unit: "g/dL"),
            LabResult(date: Self.date("2023-01-02"), test: .creatinine, value: 0, unit: "mg/dL"),
            LabResult(date: Self.date("2023-01-03"), test: .creatinine, value: 0.9, unit: "mg/dL"),
        ]
        var agent = Treatment(id: "T1", kind: .boneModifyingAgent, start: Self.date("2023-02-01"))
        agent.agent = .zoledronicAcid
        agent.doses = [Self.date("2023-01-01"), Self.date("2023-03-01")]
        record.treatments = [agent]
        #expect(throws: CaseFile.Invalid.self) { try CaseFile.read(CaseFile.write(record)) }
        let (readable, dropped) = CaseFile.readable(record)
        let back = try CaseFile.read(CaseFile.write(readable))
        #expect(back == readable)
        #expect(readable.patient.birthDate == nil)
        #expect(readable.labs.map(\.value) == [12, 0.9])
        #expect(readable.treatments.first?.doses == [Self.date("2023-03-01")])
        #expect(readable.primaries == record.primaries)
        #expect(dropped.contains { $0.hasPrefix("patient.birthDate") })
        #expect(dropped.contains { $0.hasPrefix("treatments[0].doses[0]") })
        #expect(dropped.count == 4, "\(dropped)")  // birth date; the lab's value, then its entry; the dose
    }

    /// What cannot be left out (the patient's id) leaves the record as it was, and says so.
    @Test func whatCannotBeLeftOutIsSaid() {
        let record = CaseRecord(patient: Patient(id: " "))
        let (readable, dropped) = CaseFile.readable(record)
        #expect(readable == record)
        #expect(dropped.count == 1 && dropped.first?.contains("does not read back") == true, "\(dropped)")
    }

    @Test func pathsAreStepsIntoTheFile() {
        typealias Step = CaseFile.Step
        #expect(CaseFile.steps("studies[0].observations[1].diametersMm[0]") == [
            .key("studies"), .index(0), .key("observations"), .index(1), .key("diametersMm"), .index(0),
        ])
        #expect(CaseFile.steps("patient.birthDate") == [.key("patient"), .key("birthDate")])
    }
}
