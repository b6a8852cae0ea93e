package api

import (
	"net/http"
	"strings"
)

// OpenAPI builds the OpenAPI 3.1 document from the routes table: the same
// table registers the handlers, so the document lists exactly the routes
// served (a test checks it against the live server as well).
func (a *API) OpenAPI() map[string]any {
	paths := map[string]any{}
	for _, r := range a.routes {
		ops, _ := paths[r.Path].(map[string]any)
		if ops == nil {
			ops = map[string]any{}
			paths[r.Path] = ops
		}
		ops[strings.ToLower(r.Method)] = operation(r)
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "Dossier",
			"version":     "1",
			"description": "Questions over a store of analysed news articles. Lists answer {items, next}: pass next back as cursor= for the following page. Writes need \"Authorization: Bearer TOKEN\". docs/SERVE.md explains each route.",
		},
		"paths": paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{"token": map[string]any{"type": "http", "scheme": "bearer"}},
			"schemas": map[string]any{
				"Error": map[string]any{"type": "object", "required": []string{"error", "status"},
					"properties": map[string]any{"error": map[string]any{"type": "string"}, "status": map[string]any{"type": "integer"}}},
				"List": map[string]any{"type": "object", "required": []string{"items"},
					"properties": map[string]any{"items": map[string]any{"type": "array", "items": map[string]any{"type": "object"}},
						"next": map[string]any{"type": "string", "description": "cursor of the next page; absent on the last"}}},
			},
		},
	}
}

func operation(r Route) map[string]any {
	op := map[string]any{
		"summary":     r.Summary,
		"operationId": operationID(r),
		"responses": map[string]any{
			"200":     answer(r.Answer),
			"default": map[string]any{"description": "an error, with a message saying what to change", "content": jsonContent(ref("Error"))},
		},
	}
	var params []any
	for _, p := range r.Params {
		params = append(params, map[string]any{"name": p.Name, "in": p.In, "description": p.Doc, "required": p.Required || p.In == "path",
			"schema": map[string]any{"type": "string"}})
	}
	if len(params) > 0 {
		op["parameters"] = params
	}
	if r.Body != "" {
		content := map[string]any{}
		for _, mt := range strings.Fields(r.Body) {
			content[mt] = map[string]any{"schema": map[string]any{"type": "string"}}
		}
		op["requestBody"] = map[string]any{"required": true, "content": content}
		op["security"] = []any{map[string]any{"token": []any{}}}
	}
	return op
}

// operationID names an operation from its method and path:
// GET /api/documents/{id} is getDocumentsId.
func operationID(r Route) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(r.Method))
	for _, part := range strings.Split(strings.TrimPrefix(r.Path, "/api/"), "/") {
		part = strings.Trim(part, "{}")
		part = strings.NewReplacer(".", "_", "-", "_").Replace(part)
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

func jsonContent(schema any) map[string]any {
	return map[string]any{"application/json": map[string]any{"schema": schema}}
}

func answer(kind string) map[string]any {
	switch kind {
	case "list":
		return map[string]any{"description": "a page of answers", "content": jsonContent(ref("List"))}
	case "download":
		return map[string]any{"description": "a file to save", "content": map[string]any{"application/octet-stream": map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}}
	case "text":
		return map[string]any{"description": "text", "content": map[string]any{"text/plain": map[string]any{"schema": map[string]any{"type": "string"}}}}
	}
	return map[string]any{"description": "the answer", "content": jsonContent(map[string]any{"type": "object"})}
}

func (a *API) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	writeJSON(w, a.OpenAPI())
}
