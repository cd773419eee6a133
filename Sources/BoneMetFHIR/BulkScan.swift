import Foundation

/// A first pass over a FHIR Bulk Data export folder: every `.ndjson` file read as a stream,
/// every resource parsed and checked; counts by type, the patients, cancer and bone-metastasis
/// conditions seen, and every bad line with its file and line number. Nothing is written.
public struct BulkScan: Sendable {
    public struct BadLine: Sendable, Hashable {
        public let file: String
        public let line: Int
        public let problem: String
    }

    public internal(set) var files: [String] = []
    public private(set) var byType: [String: Int] = [:]
    public private(set) var patients = 0
    public private(set) var conditions = 0
    public private(set) var cancerConditions = 0
    public private(set) var boneMetastases = 0
    public private(set) var badLines: [BadLine] = []
    /// Bad lines beyond this many are counted but not listed (a broken file must not flood memory).
    public static let maxListedBadLines = 1000
    public private(set) var badLineCount = 0

    /// Resource types the import uses; everything else is counted and skipped.
    public static let usedTypes: Set<String> = [
        "Patient", "Condition", "Observation", "MedicationRequest", "MedicationAdministration", "MedicationStatement", "Procedure",
        "ImagingStudy", "DiagnosticReport", "ClinicalImpression",
        // A pathology report's specimen: where the tissue was taken (`pathologyBiopsy`).
        "Specimen",
        // A planned radiotherapy course or operation as an order (`plannedProcedure(from:)`).
        "ServiceRequest",
    ]

    public var resources: Int { byType.values.reduce(0, +) }
    public var skipped: Int { byType.filter { !Self.usedTypes.contains($0.key) }.values.reduce(0, +) }

    public init() {}

    public static func scan(folder: URL) throws -> BulkScan {
        var scan = BulkScan()
        for file in try files(in: folder) { scan.read(file: file) }
        return scan
    }

    /// The files of an export folder. With a Bulk Data manifest (`manifest.json`, or any
    /// `*.json` with `output`), exactly the files its `output[].url` name — relative paths or
    /// file names, resolved in the folder; remote URLs must be downloaded first. Without one,
    /// every `*.ndjson` / `*.ndjson.gz`.
    public static func files(in folder: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        for name in names where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                let manifest = try? FHIRJSON.parse(bytes: [UInt8](data)), let output = manifest["output"]?.array, manifest["transactionTime"] != nil
            else { continue }
            var files: [URL] = []
            for (index, item) in output.enumerated() {
                guard let url = item["url"]?.string, !url.isEmpty else { throw FHIRError("manifest output[\(index)] has no url", path: "\(name).output[\(index)].url") }
                if url.hasPrefix("http://") || url.hasPrefix("https://") {
                    throw FHIRError("manifest names a remote file (\(url)); download the export first", path: "\(name).output[\(index)].url")
                }
                let fileName = url.hasPrefix("file://") ? (URL(string: url)?.lastPathComponent ?? url) : (url as NSString).lastPathComponent
                let file = folder.appendingPathComponent(fileName)
                guard FileManager.default.fileExists(atPath: file.path) else {
                    throw FHIRError("manifest names \(fileName), which is not in the folder", path: "\(name).output[\(index)].url")
                }
                files.append(file)
            }
            return files
        }
        return names.filter(isNDJSON).map { folder.appendingPathComponent($0) }
    }

    /// `*.ndjson`, or gzip-compressed `*.ndjson.gz`.
    public static func isNDJSON(_ name: String) -> Bool { name.hasSuffix(".ndjson") || name.hasSuffix(".ndjson.gz") }

    public mutating func read(file: URL) {
        let name = file.lastPathComponent
        files.append(name)
        let reader = NDJSONReader(url: file)
        defer { if let failure = reader.failure { recordBad(file: name, line: 0, problem: failure) } }
        for line in reader {
            do {
                let resource = try FHIRResource(try FHIRJSON.parse(bytes: line.bytes))
                count(resource)
            } catch {
                recordBad(file: name, line: line.number, problem: error.description)
            }
        }
    }

    mutating func recordBad(file: String, line: Int, problem: String) {
        badLineCount += 1
        if badLines.count < Self.maxListedBadLines { badLines.append(BadLine(file: file, line: line, problem: problem)) }
    }

    /// Another scan's counts and bad lines after these (its files are not added).
    mutating func merge(_ other: BulkScan) {
        for (type, count) in other.byType { byType[type, default: 0] += count }
        patients += other.patients
        conditions += other.conditions
        cancerConditions += other.cancerConditions
        boneMetastases += other.boneMetastases
        for bad in other.badLines where badLines.count < Self.maxListedBadLines { badLines.append(bad) }
        badLineCount += other.badLineCount
    }

    mutating func count(_ resource: FHIRResource) {
        byType[resource.resourceType, default: 0] += 1
        switch resource.resourceType {
        case "Patient": patients += 1
        case "Condition":
            conditions += 1
            var classes = (resource.json["code"]?["coding"]?.array ?? []).compactMap {
                CancerCodes.classify(system: FHIRCodes.canonicalSystem($0["system"]?.string), code: $0["code"]?.string)
            }
            // A Condition the import reads by its text is counted as it is read: "primary cancers
            // 0" stood beside the case created from "左乳浸润性导管癌术后" (unseen bundle ehr25).
            if classes.isEmpty, let text = FHIRRead.text(resource.json["code"]), case .recognised(let reading)? = CancerCodes.fromText(text) {
                classes = [reading]
            }
            if classes.contains(.boneMetastasis) {
                boneMetastases += 1
            } else if classes.contains(where: { if case .primary = $0 { true } else { $0 == .primaryAtBodySite } }) {
                cancerConditions += 1
            }
        default: break
        }
    }
}
