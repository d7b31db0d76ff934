// Swagger UI from the app's own copy (CSP 'self' forbids the inline start-up script FastAPI writes).
window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
