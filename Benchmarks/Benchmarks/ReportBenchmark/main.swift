import BoneMetReports
import Foundation

// Issue #13: how fast a report is read. Usage: ReportBenchmark [reports=10000]
// Reports are the kinds of text clinicians paste: a short Chinese CT read, a long mixed MRI
// read, an English bone scan — cycled, each with its own numbers so no two are identical.

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
let templates = [
    "胸椎CT平扫（骨窗）：T{n}椎体见溶骨性骨质破坏，大小约{a}×{b}mm，边缘可见硬化边，椎体后缘未见明显受累。余椎体未见明显骨质破坏。",
    "腰椎MRI：L{m}椎体压缩性骨折，椎体高度丢失约1/3，T1WI低信号，T2WI高信号，增强扫描明显强化，可见软组织肿块突入椎管，硬膜囊受压，脊髓未见受压。双侧椎弓根受累。T{n}椎体异常信号，转移瘤可能，请结合临床。与前片比较，L{m}病灶较前增大。",
    "Whole-body bone scan: Increased uptake in the T{n} vertebra and the left 7th rib, consistent with metastases. A {a} mm focus in the right femoral shaft is new. No other abnormal uptake.",
    "CT: lytic lesion in the T{n} vertebral body measuring {a} x {b} mm with a sclerotic rim; no pathological fracture, no soft tissue mass. Degenerative disc disease at L4-L5.",
]
let reports = (0..<count).map { index in
    templates[index % templates.count]
        .replacingOccurrences(of: "{n}", with: String(1 + index % 12)).replacingOccurrences(of: "{m}", with: String(1 + index % 5))
        .replacingOccurrences(of: "{a}", with: String(10 + index % 40)).replacingOccurrences(of: "{b}", with: String(8 + index % 30))
}
let started = ContinuousClock.now
let extractor = try ReportExtractor()
let built = ContinuousClock.now
var lesions = 0
var perTemplate = [Duration](repeating: .zero, count: templates.count)
for (index, report) in reports.enumerated() {
    let start = ContinuousClock.now
    lesions += extractor.extract(report).lesions.count
    perTemplate[index % templates.count] += start.duration(to: .now)
}
let finished = ContinuousClock.now
func ms(_ duration: Duration) -> String { String(format: "%.3f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000) }
print("lexicons loaded in \(ms(started.duration(to: built)))")
print("\(count) reports in \(ms(built.duration(to: finished))) (\(lesions) lesions suggested)")
for (index, total) in perTemplate.enumerated() {
    let each = total / max(1, (count + templates.count - 1 - index) / templates.count)
    print("  report kind \(index + 1) (\(templates[index].utf16.count) characters): \(ms(each)) each")
}
