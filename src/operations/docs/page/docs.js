// Starts Swagger UI on the page of GET /docs (a file of its own: the page's CSP allows no inline script).
window.ui = SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  tryItOutEnabled: true,
});
