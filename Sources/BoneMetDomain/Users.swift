/// MDT roles (issue #4). Clinicians edit clinical data; administrators manage users; the
/// MDT coordinator runs meetings.
public enum Role: String, InputEnum, Codable {
    case orthopaedics, spineSurgery, medicalOncology, radiationOncology, radiology, pathology, haematology, mdtCoordinator, administrator

    public var label: LocalizedText {
        switch self {
        case .administrator: LocalizedText(en: "Administrator", zh: "系统管理员")
        case .orthopaedics: Specialty.orthopaedics.label
        case .spineSurgery: Specialty.spineSurgery.label
        case .medicalOncology: Specialty.medicalOncology.label
        case .radiationOncology: Specialty.radiationOncology.label
        case .radiology: Specialty.radiology.label
        case .pathology: Specialty.pathology.label
        case .haematology: Specialty.haematology.label
        case .mdtCoordinator: Specialty.mdtCoordinator.label
        }
    }

    public var isClinician: Bool { self != .administrator && self != .mdtCoordinator }
}

/// What a role may do. One table, checked by the web layer and tested role by role.
public enum Permission: String, Sendable, CaseIterable {
    case viewCases, editClinicalData, manageMeetings, manageUsers, viewAudit

    public func allowed(for role: Role) -> Bool {
        switch self {
        case .viewCases: true
        case .editClinicalData: role.isClinician
        case .manageMeetings: role == .mdtCoordinator || role.isClinician
        case .manageUsers, .viewAudit: role == .administrator
        }
    }
}

public struct User: Sendable, Hashable {
    public let id: String
    public let username: String
    public let displayName: String
    public let role: Role
    public let mustChangePassword: Bool
    public let disabled: Bool

    public init(id: String, username: String, displayName: String, role: Role, mustChangePassword: Bool, disabled: Bool = false) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.mustChangePassword = mustChangePassword
        self.disabled = disabled
    }

    public func may(_ permission: Permission) -> Bool { !disabled && permission.allowed(for: role) }
}
