import Benchmark
import BoneMetDomain
import BoneMetTestSupport

// Issue #3's target: assessing a case costs less than decoding its JSON, and grows linearly
// with lesions × studies. Each size is decoded and assessed; the scale series doubles the
// lesions × studies product step by step.
let asOf = PartialDate(year: 2030, month: 1, day: 1) ?? PartialDate(dayNumber: 21_915)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .instructions], maxDuration: .seconds(3))

    let sizes: [(String, CaseRecord)] = [
        ("typical 5 lesions × 8 studies × 5 treatments", SyntheticCase.typical),
        ("large 50 lesions × 40 studies × 20 treatments", SyntheticCase.large),
    ]
    for (name, record) in sizes {
        let json = CaseFile.write(record)
        Benchmark("decode JSON — \(name)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try? CaseFile.read(json)) }
        }
        Benchmark("assess — \(name)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(assess(record, asOf: asOf)) }
        }
    }
    for (lesions, studies) in [(10, 10), (20, 10), (20, 20), (40, 20), (40, 40)] {
        let record = SyntheticCase.make(lesions: lesions, studies: studies, treatments: 10)
        Benchmark("scale assess — \(lesions) lesions × \(studies) studies") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(assess(record, asOf: asOf)) }
        }
    }
}
