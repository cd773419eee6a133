import BoneMetDomain
import BoneMetRules
import Foundation
import Testing

@testable import BoneMetWeb

/// Unseen bundles ehr9–ehr13 (2026-12-05): a Chinese EHR's imported case showed the import's
/// English phrases on the Chinese page — "描述：腰3椎体; recognised by text — confirm",
/// "其他骨（多发骨转移; recognised by text — confirm）". Stored as written; shown in the page's language.
@Suite struct ImportMarkersShownTests {
    @Test func theRecordSectionShowsThemInChinese() {
        let note = JSONValue.string("腰3椎体; recognised by text — confirm")
        #expect(RecordSection.text(note, key: "note", definition: "lesion", language: .zhHans) == "腰3椎体；由文本识别——请核实")
        #expect(RecordSection.text(note, key: "note", definition: "lesion", language: .en) == "腰3椎体; recognised by text — confirm")
        let suspected = JSONValue.string("右股骨; suspected (provisional)")
        #expect(RecordSection.text(suspected, key: "note", definition: "lesion", language: .zhHans) == "右股骨；疑似（初步诊断）")
        let nodes = JSONValue.string("lymph nodes (纵隔淋巴结)")
        #expect(RecordSection.text(nodes, key: "organ", definition: "visceral", language: .zhHans) == "淋巴结（纵隔淋巴结）")
    }

    @Test func aLesionNamedByItsNoteIsNamedInChinese() {
        let lesion = Lesion(id: "bm", bone: .other, note: "多发骨转移; recognised by text — confirm")
        #expect(lesion.label.zhHans == "其他骨（多发骨转移；由文本识别——请核实）")
        #expect(lesion.label.en == "other bone (多发骨转移; recognised by text — confirm)")
        // A clinician's own note is shown as written.
        #expect(ImportMarkers.shown("L3; lytic", zh: true) == "L3; lytic")
    }
}
