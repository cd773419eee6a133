import BoneMetDomain
import Foundation

/// Imports a FHIR Bulk Data export folder (or one Bundle file) into cases.
/// Pass 1 streams every file and stages the resources BoneMet uses (batches, one transaction
/// each; bad lines reported and skipped). Pass 2 builds one patient's case at a time from the
/// staged resources, assesses it and creates or updates the case imported from that patient.
/// Memory is bounded by a batch and by one patient; running it again creates no duplicates, so
/// an interrupted import is completed by running it again.
public struct BulkImporter: Sendable {
    public struct Summary: Sendable {
        public var scan = BulkScan()
        public var staged = 0
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        /// Cases whose source changed but which were edited in BoneMet since: not overwritten.
        public var keptLocalEdits = 0
        public var withoutCancer = 0
        public var notes: [MappingNote] = []
    }

    let staging: any FHIRStagingStore
    let user: String
    let now: @Sendable () -> Int64
    let asOf: PartialDate
    let settings: RuleSettings
    static let batchSize = 500

    public init(staging: any FHIRStagingStore, user: String, asOf: PartialDate, settings: RuleSettings = .default, now: @escaping @Sendable () -> Int64) {
        self.staging = staging
        self.user = user
        self.asOf = asOf
        self.settings = settings
        self.now = now
    }

    public func run(_ path: URL, progress: (Int) -> Void = { _ in }) async throws -> Summary {
        var summary = Summary()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else {
            throw FHIRError("no such file or folder: \(path.path)")
        }
        let files = isFolder.boolValue
            ? try BulkScan.files(in: path)
            : [path]
        var lines = 0
        var touched: Set<String> = []
        for file in files {
            var batch: [(type: String, id: String, patient: String?, json: String)] = []
            if BulkScan.isNDJSON(file.lastPathComponent) {
                summary.scan.files.append(file.lastPathComponent)
                let reader = NDJSONReader(url: file)
                for line in reader {
                    lines += 1
                    if lines % 10_000 == 0 { progress(lines) }
                    do {
                        let resource = try FHIRResource(try FHIRJSON.parse(bytes: line.bytes))
                        summary.scan.count(resource)
                        if let staged = Self.stageable(resource) {
                            batch.append(staged)
                            if let patient = staged.patient { touched.insert(patient) }
                        }
                    } catch {
                        summary.scan.recordBad(file: file.lastPathComponent, line: line.number, problem: error.description)
                    }
                    if batch.count >= Self.batchSize {
                        try await staging.stage(batch)
                        summary.staged += batch.count
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if let failure = reader.failure { summary.scan.recordBad(file: file.lastPathComponent, line: 0, problem: failure) }
            } else {
                // One Bundle (collection, transaction, searchset): its entries' resources.
                summary.scan.files.append(file.lastPathComponent)
                let text = try String(contentsOf: file, encoding: .utf8)
                for resource in try Self.bundleResources(text, scan: &summary.scan, file: file.lastPathComponent) {
                    if let staged = Self.stageable(resource) {
                        batch.append(staged)
                        if let patient = staged.patient { touched.insert(patient) }
                    }
                }
            }
            try await staging.stage(batch)
            summary.staged += batch.count
        }
        try await build(touched, into: &summary)
        return summary
    }

    /// Imports one Bundle given as text (POST /fhir).
    public func run(bundle text: String) async throws -> Summary {
        var summary = Summary()
        summary.scan.files.append("Bundle")
        var batch: [(type: String, id: String, patient: String?, json: String)] = []
        var touched: Set<String> = []
        for resource in try Self.bundleResources(text, scan: &summary.scan, file: "Bundle") {
            if let staged = Self.stageable(resource) {
                batch.append(staged)
                if let patient = staged.patient { touched.insert(patient) }
            }
        }
        try await staging.stage(batch)
        summary.staged = batch.count
        try await build(touched, into: &summary)
        return summary
    }

    /// Pass 2: the case of every patient this import touched, one patient at a time.
    func build(_ touched: Set<String>, into summary: inout Summary) async throws {
        let patients = Set(try await staging.stagedPatients())
        for patient in touched.sorted() where patients.contains(patient) {
            let staged = try await staging.staged(patient: patient)
            let resources = staged.compactMap { try? FHIRResource(parsing: $0.json) }
            guard let patientResource = resources.first(where: { $0.resourceType == "Patient" }) else { continue }
            let (record, notes) = FHIRCaseMapper.map(patient: patientResource, related: resources.filter { $0.resourceType != "Patient" })
            summary.notes += notes
            guard !record.primaries.isEmpty || !record.lesions.isEmpty else {
                summary.withoutCancer += 1
                continue
            }
            let findings = assess(record, asOf: asOf, settings: settings).findings
            // A case exported by BoneMet comes back to the same case.
            let ownCase = (patientResource.json["identifier"]?.array ?? []).first { $0["system"]?.string == FHIRExporter.caseIdSystem }?["value"]?.string
            switch try await staging.upsertCase(sourceKey: ownCase.map { "case:" + $0 } ?? "fhir:" + patient, record: record, findings: findings, by: user, at: now()) {
            case .created: summary.created += 1
            case .updated: summary.updated += 1
            case .unchanged: summary.unchanged += 1
            case .keptLocalEdits:
                summary.keptLocalEdits += 1
                summary.notes.append(MappingNote(
                    resource: "Patient/\(patient)",
                    message: "the source changed, but the case was edited in BoneMet since its last import: kept as it is; review and update it by hand"))
            }
        }
    }

    static func stageable(_ resource: FHIRResource) -> (type: String, id: String, patient: String?, json: String)? {
        guard BulkScan.usedTypes.contains(resource.resourceType), let id = resource.id else { return nil }
        let patient = resource.resourceType == "Patient" ? id : FHIRRead.patientId(resource.json)
        guard patient != nil else { return nil }
        return (resource.resourceType, id, patient, resource.json.serialized())
    }

    static func bundleResources(_ text: String, scan: inout BulkScan, file: String) throws(FHIRError) -> [FHIRResource] {
        let bundle = try FHIRJSON.parse(text)
        guard bundle["resourceType"]?.string == "Bundle" else { throw FHIRError("not a Bundle", path: "resourceType") }
        var resources: [FHIRResource] = []
        for (index, entry) in (bundle["entry"]?.array ?? []).enumerated() {
            guard let json = entry["resource"] else { continue }
            do {
                let resource = try FHIRResource(json)
                scan.count(resource)
                resources.append(resource)
            } catch {
                scan.recordBad(file: file, line: index + 1, problem: "entry[\(index)]: \(error.description)")
            }
        }
        return resources
    }
}
