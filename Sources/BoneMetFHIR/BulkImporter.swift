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
        /// Wall-clock seconds of pass 1 (read, check, stage) and pass 2 (build the cases).
        public var stageSeconds = 0.0
        public var buildSeconds = 0.0
        public var withoutCancer = 0
        public var notes: [MappingNote] = []
        /// Everything not used, counted by reason (resources and patients).
        public var skipped: [String: Int] = [:]
        /// Patients not imported, with the reason (the first 200).
        public var skippedPatients: [(patient: String, reason: String)] = []
        /// Files of the folder that are not FHIR (an export's log.ndjson): not read as FHIR.
        public var nonFHIRFiles: [String] = []

        /// A chunk's counts, bad lines and skips (pass 1), after those of the chunks before it.
        mutating func merge(_ chunk: Chunk) {
            scan.merge(chunk.summary.scan)
            for (reason, count) in chunk.summary.skipped { skipped[reason, default: 0] += count }
        }

        mutating func skip(_ reason: String, count: Int = 1) {
            guard count > 0 else { return }
            skipped[reason, default: 0] += count
        }
    }

    let staging: any FHIRStagingStore
    let user: String
    let now: @Sendable () -> Int64
    let asOf: PartialDate
    let settings: RuleSettings
    let mappings: CodeMappings
    /// Whether a Patient carrying BoneMet's own case identifier updates that case (an export
    /// of ours coming back, which the operator chose to import). False for data a CDS Hooks
    /// call sends: the case a call may touch is bound to its patient id, never named inside
    /// the payload (issue #11).
    let followOwnCaseIdentifier: Bool
    /// Whether a patient's staged resources stay after their case is built. Default false: the
    /// import keeps only the case (issue #11, data minimisation). True (`--keep-staged`) keeps
    /// them, minimised, so a later incremental export (`_since`, only what changed) can rebuild
    /// the case from both; without it, import full exports.
    let keepStaged: Bool
    /// Whether patients are mapped and assessed at a lower priority (`BackgroundThreads`):
    /// an import sent to the running server, so its other requests come first. The command
    /// line's import has the machine to itself and uses every core at full priority.
    let background: Bool
    /// Lines parsed together in pass 1, and resources staged in one transaction.
    public static let batchSize = 500

    public init(
        staging: any FHIRStagingStore, user: String, asOf: PartialDate, settings: RuleSettings = .default, mappings: CodeMappings = .none,
        followOwnCaseIdentifier: Bool = true, keepStaged: Bool = false, background: Bool = false, now: @escaping @Sendable () -> Int64
    ) {
        self.background = background
        self.followOwnCaseIdentifier = followOwnCaseIdentifier
        self.keepStaged = keepStaged
        self.mappings = mappings
        self.staging = staging
        self.user = user
        self.asOf = asOf
        self.settings = settings
        self.now = now
    }

    public func run(_ path: URL, progress: (Int) -> Void = { _ in }) async throws -> Summary {
        let started = Date()
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
        let staging = self.staging
        var writes = StagingWrites(limit: staging.stagingWritesInFlight)
        // A bulk export's Medication file, read first: the orders of the files after it name
        // their drugs by reference to it (`MedicationCatalog`).
        let medications = Self.medicationCatalog(files)
        var readMedications = !medications.isEmpty
        for file in files {
            var batch: [Staged] = []
            if BulkScan.isNDJSON(file.lastPathComponent) {
                summary.scan.files.append(file.lastPathComponent)
                let reader = NDJSONReader(url: file)
                let name = file.lastPathComponent
                var first = true
                var chunk: [NDJSONReader.Line] = []
                // Lines are parsed and checked a chunk at a time on every core, at most two
                // chunks ahead; their results are taken in the order of the file, so the
                // counts, the bad lines and which copy of a resource wins are as if read one by
                // one (issue #12: pass 1 was one core's work beside the staging writes).
                var parsing: [Task<Chunk, Never>] = []
                func takeOldest() async throws {
                    let done = await parsing.removeFirst().value
                    summary.merge(done)
                    for staged in done.staged { if let patient = staged.patient { touched.insert(patient) } }
                    // Written while the next chunks are parsed.
                    if !done.staged.isEmpty {
                        try await writes.start(done.staged) { try await staging.stage($0) }
                    }
                    summary.staged += done.staged.count
                }
                for line in reader {
                    lines += 1
                    if lines % 10_000 == 0 { progress(lines) }
                    // A Bulk export's log.ndjson (or any file whose first line is JSON without a
                    // resourceType) is not FHIR: set aside whole, not reported line by line.
                    if first {
                        first = false
                        if let json = try? FHIRJSON.parse(bytes: line.bytes), case .object = json, json["resourceType"] == nil {
                            summary.scan.files.removeLast()
                            summary.nonFHIRFiles.append(name)
                            break
                        }
                    }
                    chunk.append(line)
                    if chunk.count >= Self.batchSize {
                        let full = chunk
                        parsing.append(Task { [mappings, medications] in Self.chunk(full, file: name, mappings: mappings, medications: medications) })
                        chunk.removeAll(keepingCapacity: true)
                        if parsing.count > 2 { try await takeOldest() }
                    }
                }
                if !chunk.isEmpty {
                    let last = chunk
                    parsing.append(Task { [mappings, medications] in Self.chunk(last, file: name, mappings: mappings, medications: medications) })
                }
                while !parsing.isEmpty { try await takeOldest() }
                if let failure = reader.failure { summary.scan.recordBad(file: name, line: 0, problem: failure) }
            } else {
                // One Bundle (collection, transaction, searchset): its entries' resources.
                summary.scan.files.append(file.lastPathComponent)
                let text = try String(contentsOf: file, encoding: .utf8)
                let resources = try Self.bundleResources(text, scan: &summary.scan, file: file.lastPathComponent)
                var inBundle = medications
                for resource in resources { inBundle.add(resource) }
                if !inBundle.isEmpty { readMedications = true }
                for resource in resources {
                    if let staged = Self.stageable(resource, mappings: mappings, medications: inBundle, summary: &summary) {
                        batch.append(staged)
                        if let patient = staged.patient { touched.insert(patient) }
                    }
                }
            }
            try await writes.finish()
            try await staging.stage(batch)
            summary.staged += batch.count
        }
        for (type, count) in summary.scan.byType where !BulkScan.usedTypes.contains(type) && !(type == "Medication" && readMedications) {
            summary.skip("resource type not used by BoneMet (\(type))", count: count)
        }
        let built = Date()
        summary.stageSeconds = built.timeIntervalSince(started)
        try await build(touched, into: &summary)
        if summary.created + summary.updated > 0 { try await staging.bulkLoaded() }
        summary.buildSeconds = Date().timeIntervalSince(built)
        return summary
    }

    typealias Staged = (type: String, id: String, patient: String?, json: String)

    /// The staging writes of pass 1 in flight: at most `limit` at once, and a batch that shares
    /// a resource with one in flight waits for it (and those before it), so a resource's later
    /// copy is always written last — as if the batches were written one by one.
    struct StagingWrites {
        let limit: Int
        private var running: [(keys: Set<String>, task: Task<Void, any Error>)] = []

        init(limit: Int) {
            self.limit = max(1, limit)
        }

        mutating func start(_ batch: [Staged], write: @escaping @Sendable ([Staged]) async throws -> Void) async throws {
            let keys = Set(batch.map { $0.type + "/" + $0.id })
            if let shared = running.lastIndex(where: { !$0.keys.isDisjoint(with: keys) }) {
                for _ in 0...shared { try await awaitOldest() }
            }
            while running.count >= limit { try await awaitOldest() }
            running.append((keys, Task { try await write(batch) }))
        }

        /// Waits for every write in flight (the first failure is thrown).
        mutating func finish() async throws {
            while !running.isEmpty { try await awaitOldest() }
        }

        /// A failure is thrown once the other writes in flight have ended: nothing is still
        /// writing when the import reports that it stopped.
        private mutating func awaitOldest() async throws {
            let oldest = running.removeFirst()
            do {
                try await oldest.task.value
            } catch {
                for other in running { _ = try? await other.task.value }
                running = []
                throw error
            }
        }
    }

    /// What pass 1 made of a chunk of NDJSON lines: the resources to stage, in order, and the
    /// chunk's counts, bad lines and skips, merged into the summary in the order of the file.
    struct Chunk: Sendable {
        var staged: [Staged] = []
        var summary = Summary()
    }

    /// Parses, checks and minimises a chunk of lines (no database access).
    static func chunk(_ lines: [NDJSONReader.Line], file: String, mappings: CodeMappings, medications: MedicationCatalog = .empty) -> Chunk {
        var chunk = Chunk()
        chunk.staged.reserveCapacity(lines.count)
        for line in lines {
            do {
                let resource = try FHIRResource(try FHIRJSON.parse(bytes: line.bytes))
                chunk.summary.scan.count(resource)
                // The line as received: it passed the strict parse, and re-writing it costs time.
                if let staged = stageable(
                    resource, text: String(decoding: line.bytes, as: UTF8.self), mappings: mappings, medications: medications, summary: &chunk.summary)
                {
                    chunk.staged.append(staged)
                }
            } catch {
                chunk.summary.scan.recordBad(file: file, line: line.number, problem: error.description)
            }
        }
        return chunk
    }

    /// Imports one Bundle given as text (POST /fhir).
    public func run(bundle text: String) async throws -> Summary {
        var summary = Summary()
        summary.scan.files.append("Bundle")
        var batch: [Staged] = []
        var touched: Set<String> = []
        let resources = try Self.bundleResources(text, scan: &summary.scan, file: "Bundle")
        let medications = MedicationCatalog.of(resources)
        for resource in resources {
            if let staged = Self.stageable(resource, mappings: mappings, medications: medications, summary: &summary) {
                batch.append(staged)
                if let patient = staged.patient { touched.insert(patient) }
            }
        }
        try await staging.stage(batch)
        summary.staged = batch.count
        for (type, count) in summary.scan.byType where !BulkScan.usedTypes.contains(type) && !(type == "Medication" && !medications.isEmpty) {
            summary.skip("resource type not used by BoneMet (\(type))", count: count)
        }
        try await build(touched, into: &summary)
        return summary
    }

    /// Patients whose cases are written in one transaction (issue #12: a bulk import writes per
    /// batch of patients — one read of their staged resources, one write of their cases and
    /// the purge — not several statements and transactions per patient).
    public static let patientsPerTransaction = 50

    /// One patient read and assessed, before it is stored.
    enum Prepared: Sendable {
        case noPatient
        case withoutCancer([MappingNote], patient: String)
        case toStore(CaseUpsert, [MappingNote], patient: String)
    }

    /// Pass 2: the case of every patient this import touched, a batch of patients at a time:
    /// their staged resources read at once, mapped and assessed on every core, and stored in
    /// one transaction. The summary is the same whatever the batching.
    func build(_ touched: Set<String>, into summary: inout Summary) async throws {
        let patients = Set(try await staging.stagedPatients())
        let ordered = touched.sorted().filter(patients.contains)
        let chunks = stride(from: 0, to: ordered.count, by: Self.patientsPerTransaction).map {
            Array(ordered[$0..<min(ordered.count, $0 + Self.patientsPerTransaction)])
        }
        // The next two batches are read and prepared while this one is written: with one
        // ahead, the cores idled while the slower half of a batch was finishing.
        var ahead = chunks.prefix(2).map { chunk in Task { try await self.prepare(chunk) } }
        for index in chunks.indices {
            guard !ahead.isEmpty else { break }
            let prepared = try await ahead.removeFirst().value
            if index + 2 < chunks.count { ahead.append(Task { [chunk = chunks[index + 2]] in try await self.prepare(chunk) }) }
            var patients: [ImportedPatient] = []
            for item in prepared {
                switch item {
                case .noPatient: break
                // A patient who is not imported leaves nothing behind (issue #11).
                case .withoutCancer(_, let patient): patients.append(ImportedPatient(upsert: nil, purge: patient))
                // The case holds what BoneMet needs; the staged resources go (unless kept on purpose).
                case .toStore(let upsert, _, let patient): patients.append(ImportedPatient(upsert: upsert, purge: keepStaged ? nil : patient))
                }
            }
            var outcomes = try await staging.upsertCases(patients, by: user, at: now()).makeIterator()
            for item in prepared {
                switch item {
                case .noPatient: break
                case .withoutCancer(let notes, let patient):
                    summary.notes += notes
                    summary.withoutCancer += 1
                    summary.skip("patient without a cancer condition")
                    if summary.skippedPatients.count < 200 { summary.skippedPatients.append((patient, "no cancer condition")) }
                case .toStore(_, let notes, let patient):
                    summary.notes += notes
                    switch outcomes.next() {
                    case .created: summary.created += 1
                    case .updated: summary.updated += 1
                    case .unchanged: summary.unchanged += 1
                    case .keptLocalEdits:
                        summary.keptLocalEdits += 1
                        summary.notes.append(MappingNote(
                            resource: "Patient/\(patient)",
                            message: "the source changed, but the case was edited in BoneMet since its last import: kept as it is; review and update it by hand"))
                    case nil: break
                    }
                }
            }
        }
        summary.notes.sort { ($0.resource, $0.message) < ($1.resource, $1.message) }
        for note in summary.notes where note.resource.hasPrefix("Condition/") && !note.message.hasPrefix("recognised by text") {
            summary.skip("condition: \(note.message)")
        }
        // Other resources left out by the mapping, counted by kind as conditions are (Synthea's
        // 221 chemoradiation procedures without a site were only a long list of notes).
        for note in summary.notes where !note.resource.hasPrefix("Condition/") && note.message.hasSuffix("not used") {
            let type = note.resource.split(separator: "/").first.map { $0.lowercased() } ?? "resource"
            summary.skip("\(type): \(note.message)")
        }
        summary.skip("condition recognised by text only — imported, to confirm", count: summary.notes.filter { $0.message.hasPrefix("recognised by text") }.count)
        summary.skippedPatients.sort { $0.patient < $1.patient }
    }

    /// A batch of patients: their staged resources in one read, then each mapped and assessed
    /// on every core.
    func prepare(_ chunk: [String]) async throws -> [Prepared] {
        let staged = try await staging.staged(patients: chunk)
        if background { return await chunk.mapInBackground { self.prepare($0, staged: staged[$0] ?? []) } }
        return await chunk.mapOnEveryCore { self.prepare($0, staged: staged[$0] ?? []) }
    }

    /// One patient's case from their staged resources, assessed (no database access).
    func prepare(_ patient: String, staged: [(type: String, json: String)]) -> Prepared {
        let resources = staged.compactMap { try? FHIRResource(staged: $0.json) }
        guard let patientResource = resources.first(where: { $0.resourceType == "Patient" }) else { return .noPatient }
        let (record, notes) = FHIRCaseMapper.map(patient: patientResource, related: resources.filter { $0.resourceType != "Patient" }, mappings: mappings,
            regimenGapDays: settings.regimenGapDays)
        guard !record.primaries.isEmpty || !record.lesions.isEmpty else { return .withoutCancer(notes, patient: patient) }
        // Stored as list rows only: the details are written when the case is shown.
        let assessment = assess(record, asOf: asOf, settings: settings, details: false)
        // A case exported by BoneMet comes back to the same case.
        let ownCase = followOwnCaseIdentifier
            ? (patientResource.json["identifier"]?.array ?? []).first { $0["system"]?.string == FHIRExporter.caseIdSystem }?["value"]?.string : nil
        let upsert = CaseUpsert(
            sourceKey: ownCase.map { "case:" + $0 } ?? "fhir:" + patient, record: record, findings: assessment.findings, reassessOn: assessment.reassessOn)
        return .toStore(upsert, notes, patient: patient)
    }

    /// The Medication resources of the NDJSON files named for them ("Medication.ndjson",
    /// "Medication.000.ndjson" — a bulk export's file per type). Few: one per drug product.
    static func medicationCatalog(_ files: [URL]) -> MedicationCatalog {
        var catalog = MedicationCatalog()
        for file in files where BulkScan.isNDJSON(file.lastPathComponent) && file.lastPathComponent.hasPrefix("Medication.") {
            for line in NDJSONReader(url: file) {
                guard let json = try? FHIRJSON.parse(bytes: line.bytes), let resource = try? FHIRResource(json) else { continue }
                catalog.add(resource)
            }
        }
        return catalog
    }

    static func stageable(
        _ resource: FHIRResource, text: String? = nil, mappings: CodeMappings = .none, medications: MedicationCatalog = .empty,
        summary: inout Summary
    ) -> (type: String, id: String, patient: String?, json: String)? {
        guard BulkScan.usedTypes.contains(resource.resourceType) else { return nil }
        var resource = resource
        var text = text
        // An order naming its drug by reference: staged with the drug inline (`MedicationCatalog`).
        if let inlined = medications.inlined(resource.json), let rewritten = try? FHIRResource(inlined) {
            resource = rewritten
            text = nil
        }
        // An Observation BoneMet does not read (social history, surveys with addresses, vital
        // signs other than weight and pain …) is never staged: not needed, and not ours to keep.
        if resource.resourceType == "Observation" && !FHIRCaseMapper.usesObservation(resource.json, mappings: mappings) {
            // An albumin-corrected calcium alone would leave a hypercalcaemia unseen: say why it is
            // not read (the rules correct the total calcium themselves; read too, it would be
            // corrected twice) and what to send.
            if FHIRRead.codings(resource.json["code"]).contains(where: { $0.system == FHIRCodes.loinc && $0.code == FHIRCaseMapper.albuminCorrectedCalcium }) {
                summary.skip("albumin-corrected calcium not used: BoneMet corrects the total calcium with the albumin itself — send the total calcium (LOINC 17861-6 or 2000-8) and albumin")
                return nil
            }
            summary.skip("observation not used by BoneMet (not a lab, marker, receptor, performance, weight, pain or disease status)")
            return nil
        }
        guard let id = resource.id else {
            summary.skip("\(resource.resourceType) without an id")
            return nil
        }
        // FHIR R4 id grammar: [A-Za-z0-9\-\.]{1,64}. Such an id cannot be referenced reliably.
        guard FHIRExporter.isValidId(id) else {
            summary.skip("\(resource.resourceType) whose id breaks the FHIR id grammar ([A-Za-z0-9-.]{1,64})")
            return nil
        }
        let patient = resource.resourceType == "Patient" ? id : FHIRRead.patientId(resource.json)
        guard patient != nil else {
            summary.skip("\(resource.resourceType) without a patient reference")
            return nil
        }
        if let minimized = minimized(resource.json, type: resource.resourceType) { return (resource.resourceType, id, patient, minimized) }
        return (resource.resourceType, id, patient, text ?? resource.json.serialized())
    }

    /// Of a Patient, only what the case needs is staged: sex, birth date, death, and BoneMet's
    /// own identifiers and extensions (an exported case coming back). Names, national ids, SSN, passport,
    /// address, phone, photo and contacts never reach the database (issue #11, docs/fhir.md).
    static let patientElementsKept: Set<String> = [
        "resourceType", "id", "meta", "gender", "birthDate", "deceasedBoolean", "deceasedDateTime", "identifier",
    ]
    static let ownIdentifierSystems: Set<String> = [FHIRExporter.patientIdSystem, FHIRExporter.caseIdSystem]

    /// The resource as it is staged, when that differs from the received text: the narrative
    /// (`text`, which repeats names) is dropped from every resource, a Patient keeps only
    /// `patientElementsKept`. nil: stage the text as received.
    static func minimized(_ json: FHIRJSON, type: String) -> String? {
        guard case .object(let members) = json else { return nil }
        var kept: [FHIRJSON.Member] = []
        var changed = false
        for member in members {
            if member.key == "text" { changed = true; continue }
            if type == "Patient" {
                // BoneMet's own extensions (an exported case coming back: no visceral metastases
                // found) and nothing else of the patient's extensions.
                if member.key == "extension" {
                    let all = member.value.array
                    let own = all.filter { $0["url"]?.string?.hasPrefix(FHIRExporter.bonemet) == true }
                    if own.count != all.count { changed = true }
                    if !own.isEmpty { kept.append(FHIRJSON.Member("extension", .array(own))) }
                    continue
                }
                guard patientElementsKept.contains(member.key) else { changed = true; continue }
                if member.key == "identifier" {
                    let all = member.value.array
                    let own = all.filter { ownIdentifierSystems.contains($0["system"]?.string ?? "") }
                    if own.count != all.count { changed = true }
                    if !own.isEmpty { kept.append(FHIRJSON.Member("identifier", .array(own))) }
                    continue
                }
            }
            kept.append(member)
        }
        return changed ? FHIRJSON.object(kept).serialized() : nil
    }

    static func bundleResources(_ text: String, scan: inout BulkScan, file: String) throws(FHIRError) -> [FHIRResource] {
        let bundle = try FHIRJSON.parse(text)
        guard bundle["resourceType"]?.string == "Bundle" else { throw FHIRError("not a Bundle", path: "resourceType") }
        var resources: [FHIRResource] = []
        collect(bundle, path: "", into: &resources, scan: &scan, file: file)
        return resources
    }

    /// The resources of a Bundle's entries — transaction, batch, collection, searchset or
    /// document, and Bundles nested in it. An entry without `resource.id` takes the id its
    /// `fullUrl` gives (`urn:uuid:…`, or the last segment of a URL), so references by
    /// `urn:uuid` resolve like relative ones.
    static func collect(_ bundle: FHIRJSON, path: String, into resources: inout [FHIRResource], scan: inout BulkScan, file: String) {
        for (index, entry) in (bundle["entry"]?.array ?? []).enumerated() {
            guard var json = entry["resource"] else { continue }
            let place = "\(path)entry[\(index)]"
            if json["resourceType"]?.string == "Bundle" {
                collect(json, path: place + ".resource.", into: &resources, scan: &scan, file: file)
                continue
            }
            if json["id"] == nil, let fullUrl = entry["fullUrl"]?.string, let id = Self.id(fromFullUrl: fullUrl), case .object(var members) = json {
                members.insert(FHIRJSON.Member("id", .string(id)), at: min(1, members.count))
                json = .object(members)
            }
            do {
                let resource = try FHIRResource(json)
                scan.count(resource)
                resources.append(resource)
            } catch {
                scan.recordBad(file: file, line: index + 1, problem: "\(place): \(error.description)")
            }
        }
    }

    static func id(fromFullUrl url: String) -> String? {
        if url.hasPrefix("urn:uuid:") { return String(url.dropFirst("urn:uuid:".count)) }
        if url.hasPrefix("urn:oid:") { return String(url.dropFirst("urn:oid:".count)) }
        guard let slash = url.lastIndex(of: "/") else { return nil }
        let id = String(url[url.index(after: slash)...])
        return id.isEmpty ? nil : id
    }
}
