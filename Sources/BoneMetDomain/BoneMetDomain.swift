// The case record and its validation live here (issue #3). The target exists from the start so
// that the dependency direction Web → Storage/FHIR → Domain → Rules is fixed in Package.swift.
@_exported import BoneMetRules
