/**
 * Until the web application lands, / says that Lettrine runs and where to go. It names no firm: an
 * anonymous visitor must not learn which firms (tenants) a server holds.
 */
export const homePage = () => `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lettrine</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2933}
code{background:#f0f2f5;padding:.1rem .3rem;border-radius:3px}a{color:#7a3e9d}</style></head>
<body>
<h1>Lettrine</h1>
<p>Le back-office des cabinets d’expertise comptable : affaires, catalogue de missions, offres de service,
lettres de mission, avenants, lettres substitutives et bons d’intervention.</p>
<p>Lettrine fonctionne.
L’application web arrive bientôt ; en attendant, l’API REST est disponible sous <code>/api/v1</code>.</p>
<ul>
<li><a href="/docs">Documentation interactive de l’API</a></li>
<li><a href="/openapi.json">Description OpenAPI</a></li>
</ul>
<p>Connexion : <code>POST /api/v1/auth/login</code> avec l’e-mail et le mot de passe de votre compte.</p>
</body></html>`;
