// The case record's value types live in BoneMetRules (the pure assessment reads them); this
// target reads and validates case files, and holds the storage ports. Importing BoneMetDomain
// brings the record types with it.
@_exported import BoneMetRules
