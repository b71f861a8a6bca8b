import { EXTERNAL_UPLOAD_TYPES, type DocumentType, type Role } from '@app/contracts';

// Which documents of a case an external user may list and open (access-matrix.ts, relations
// `uploader` and `filed`), on top of seeing the case itself (visibleCasePredicate):
//   - a guardian: the documents they uploaded;
//   - social services: the documents uploaded by anyone of their office;
//   - a juvenile court: what is filed in a proceeding before that court (the social services'
//     report and the other documents named at filing, the decrees of its decisions) and what the
//     court itself uploaded (its decrees).
// IOM staff see every document of a case they see; a field officer only their mission's uploads to
// its own tracing requests (documents.service.ts). Reports released to an external user reach them
// through the inbox, not as documents.
export function externalDocumentPredicate(role: Role, userId: string, organisationId: string, params: unknown[], alias = 'd'): string | null {
  switch (role) {
    case 'guardian':
      params.push(userId);
      return `${alias}.uploaded_by = $${params.length}::uuid`;
    case 'social_services':
      params.push(organisationId);
      return `EXISTS (SELECT 1 FROM users up WHERE up.id = ${alias}.uploaded_by AND up.organisation_id = $${params.length}::uuid)`;
    case 'court': {
      params.push(organisationId);
      const org = `$${params.length}::uuid`;
      return `(EXISTS (SELECT 1 FROM users up WHERE up.id = ${alias}.uploaded_by AND up.organisation_id = ${org})
        OR EXISTS (SELECT 1 FROM court_proceedings cp WHERE cp.case_id = ${alias}.case_id AND cp.court_organisation_id = ${org}
                    AND (cp.social_services_document_id = ${alias}.id OR ${alias}.id = ANY (cp.other_document_ids)))
        OR EXISTS (SELECT 1 FROM court_decisions cd JOIN court_proceedings cp ON cp.id = cd.proceeding_id
                    WHERE cd.decree_document_id = ${alias}.id AND cp.court_organisation_id = ${org}))`;
    }
    default:
      return null;
  }
}

export const isExternalDocumentReader = (role: Role) => role === 'guardian' || role === 'social_services' || role === 'court';

// The document types an external role may upload (EXTERNAL_UPLOAD_TYPES), or null for IOM staff.
export function externalUploadTypes(role: Role): readonly DocumentType[] | null {
  return (EXTERNAL_UPLOAD_TYPES as Partial<Record<Role, readonly DocumentType[]>>)[role] ?? (role === 'caseworker' || role === 'supervisor' ? null : []);
}

// For external readers: the uploader's role and organisation, so that a document a field officer
// uploaded names the mission, never the officer (domain §2: a guardian never learns the field
// officer's identity). Appended to DOCUMENT_COLUMNS, with the join, where `u` is the uploader.
export const UPLOADER_ORGANISATION_COLUMNS = `, u.role AS uploader_role, uo.id AS uploader_org_id, uo.name AS uploader_org_name`;
export const UPLOADER_ORGANISATION_JOIN = `JOIN organisations uo ON uo.id = u.organisation_id`;

export function maskFieldOfficerUploader<T extends { uploaded_by: string; uploader_name: string; uploader_role?: string; uploader_org_id?: string; uploader_org_name?: string }>(row: T): T {
  if (row.uploader_role !== 'field_officer' || !row.uploader_org_id) return row;
  return { ...row, uploaded_by: row.uploader_org_id, uploader_name: row.uploader_org_name ?? '' };
}
