"use strict";
// Swagger UI over this server's schema, from the bundled assets: no CDN, and no validator
// badge (Swagger UI would otherwise send the schema to a third party's validator).
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
});
document.body.dataset.ready = "true";
