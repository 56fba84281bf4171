import type { RawSql } from './campaign-setup.ts';

/**
 * The preview's floor in the same run: the rows it reads (client engagements, their renewal
 * documents, those documents' recurring lines), read by hand in three statements on a connection
 * of its own, rows fetched and dropped. What the preview takes beyond this is Node's work.
 */
export const readPortfolioRaw = async (
  raw: RawSql,
  firmId: string,
): Promise<{ ms: number; rows: number }> => {
  const start = performance.now();
  const kinds = `('engagement_letter', 'amendment', 'replacement_letter')`;
  const clients = await raw.query(
    `select e.id, e.company_name, e.client_code, c.siren, e.responsible_user_id, c.fiscal_year_end
       from engagements e join companies c on c.firm_id = e.firm_id and c.id = e.company_id
      where e.firm_id = $1 and e.state = 'client' order by e.company_name, e.id`,
    [firmId],
  );
  const documents = await raw.query(
    `select d.id, d.engagement_id, d.kind, d.status, d.number, d.effective_date, d.signed_at, d.created_at,
            d.replaced_by_id, d.amends_letter_id, d.terms_version_id, d.duration_months, d.renewal,
            d.notice_months, d.payment_terms, d.revision_clause, d.campaign_id
       from documents d join engagements e on e.firm_id = d.firm_id and e.id = d.engagement_id
      where d.firm_id = $1 and e.state = 'client' and d.kind in ${kinds}
        and (d.status in ('signed', 'replaced') or (d.kind = 'replacement_letter' and d.status in ('draft', 'sent')))`,
    [firmId],
  );
  const lines = await raw.query(
    `select l.document_id, l.id, l.operation, l.target_line_id, l.changed_fields, l.service_id, l.label,
            l.unit_label, l.quantity, l.unit_price_cents, l.vat_rate_bp, l.recurrence
       from document_lines l join documents d on d.firm_id = l.firm_id and d.id = l.document_id
      where d.firm_id = $1 and d.kind in ${kinds} and d.status in ('signed', 'replaced')
        and l.recurrence <> 'one_off'`,
    [firmId],
  );
  return {
    ms: performance.now() - start,
    rows: clients.rows.length + documents.rows.length + lines.rows.length,
  };
};
