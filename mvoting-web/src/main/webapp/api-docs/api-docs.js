// Swagger UI on this API's OpenAPI document. A file of its own rather than the WebJar's inline-style initializer:
// the page runs under the site's Content-Security-Policy (script-src 'self', no inline script).
window.addEventListener('load', () => {
  window.ui = window.SwaggerUIBundle({
    url: new URL('../api/v1/openapi.json', document.baseURI).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
    // the public validator would be a request to another site (and is refused by connect-src 'self')
    validatorUrl: null,
    // only this API's document: no ?url= or ?configUrl= from the address bar
    queryConfigEnabled: false,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
