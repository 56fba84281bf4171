-- Issue 19: engagements.company_name and engagements.search_text follow their sources whatever
-- writes them (the stores, the portfolio seed, a restore), so the list never reads a stale copy.
CREATE OR REPLACE FUNCTION engagements_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  company record;
BEGIN
  SELECT c.name, c.siren INTO company FROM companies c WHERE c.firm_id = NEW.firm_id AND c.id = NEW.company_id;
  NEW.company_name := coalesce(company.name, '');
  NEW.search_text := coalesce(lettrine_fold(concat_ws(E'\n', company.name, NEW.title, NEW.client_code, company.siren)), '');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER engagements_search_fill BEFORE INSERT OR UPDATE OF company_id, title, client_code
  ON engagements FOR EACH ROW EXECUTE FUNCTION engagements_search_fill();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION companies_search_spread() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE engagements e
     SET company_name = NEW.name,
         search_text = coalesce(lettrine_fold(concat_ws(E'\n', NEW.name, e.title, e.client_code, NEW.siren)), '')
   WHERE e.firm_id = NEW.firm_id AND e.company_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER companies_search_spread AFTER UPDATE OF name, siren ON companies FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.siren IS DISTINCT FROM NEW.siren)
  EXECUTE FUNCTION companies_search_spread();
--> statement-breakpoint
UPDATE engagements e
   SET company_name = c.name,
       search_text = coalesce(lettrine_fold(concat_ws(E'\n', c.name, e.title, e.client_code, c.siren)), '')
  FROM companies c
 WHERE c.firm_id = e.firm_id AND c.id = e.company_id;
