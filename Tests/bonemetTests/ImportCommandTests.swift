import BoneMetTestSupport
import Foundation
import Testing

/// `bonemet import`'s report of its notes: a one-patient bundle with 23 notes showed the first 20
/// and lost the rest without a word — its fracture's and its operation's among them (unseen bundle
/// ehr18). The list is cut for the terminal and says how many more there are; `--all-notes` lists
/// every one.
@Suite struct ImportCommandTests {
    let scratch = ScratchFolder("bm-cli-import")

    /// 25 laboratory results named in words, each read with a note.
    static let bundle: String = {
        let patient = #"{"resource":{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1958-04"}}"#
        let cancer = #"{"resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009"}]},"onsetDateTime":"2015-03"}}"#
        let labs = (1...25).map { day in
            #"{"resource":{"resourceType":"Observation","id":"ca\#(day)","status":"final","subject":{"reference":"Patient/p1"},"code":{"text":"血钙"},"effectiveDateTime":"2026-10-\#(String(format: "%02d", day))","valueQuantity":{"value":2.3,"unit":"mmol/L"}}}"#
        }
        return #"{"resourceType":"Bundle","type":"collection","entry":["# + ([patient, cancer] + labs).joined(separator: ",") + "]}"
    }()

    @Test func aLongListOfNotesSaysHowManyMoreAndAllListsThem() throws {
        let file = scratch.path("bundle-\(UUID().uuidString).json")
        try Data(Self.bundle.utf8).write(to: URL(fileURLWithPath: file))
        let cut = try CLI.run(["import", file, "--data", scratch.path("cut-\(UUID().uuidString)")])
        #expect(cut.status == 0, "\(cut.stderr)")
        #expect(cut.stdout.contains("notes: 25"), "\(cut.stdout)")
        #expect(cut.stdout.contains("  … and 5 more (--all-notes lists every one)"))
        #expect(cut.stdout.components(separatedBy: "calcium read by its name").count - 1 == 20)
        let all = try CLI.run(["import", file, "--data", scratch.path("all-\(UUID().uuidString)"), "--all-notes"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.components(separatedBy: "calcium read by its name").count - 1 == 25)
        #expect(!all.stdout.contains("more (--all-notes"))
    }
}
