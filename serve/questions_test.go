package serve

import (
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
)

// TestQuestions walks every question's pages and checks its errors.
func TestQuestions(t *testing.T) {
	h := Handler(Config{Store: corpus(t)})
	for _, c := range []struct {
		path  string
		limit int
		min   int // at least this many answers over all pages
	}{
		{"/api/quotes", 40, 100},
		{"/api/quotes?speaker=" + url.QueryEscape("Haller"), 5, 1},
		{"/api/events?all=true", 30, 50},
		{"/api/events?type=assault", 5, 1},
		{"/api/figures", 30, 30},
		{"/api/figures?category=killed", 5, 1},
		{"/api/actors", 50, 50},
		{"/api/actors?type=person", 20, 10},
		{"/api/timeline", 30, 20},
		{"/api/search?q=quake", 4, 5},
		{"/api/search?q=quake&in=quotes", 3, 1},
		{"/api/stories", 2, 3},
	} {
		items := walk(t, h, c.path, c.limit)
		if len(items) < c.min {
			t.Errorf("%s: %d answers over all pages, want at least %d", c.path, len(items), c.min)
		}
		// The pages are the answer asked for at once, in the same order.
		var whole list
		sep := "?"
		if strings.Contains(c.path, "?") {
			sep = "&"
		}
		get(t, h, c.path+sep+"limit=100", 200, &whole)
		for i := range min(len(whole.Items), len(items)) {
			if !sameItem(whole.Items[i], items[i]) {
				t.Errorf("%s: answer %d differs between one page and many", c.path, i)
				break
			}
		}
	}
	var actors list
	get(t, h, "/api/actors?type=PERSON&limit=1", 200, &actors)
	key, _ := actors.Items[0]["key"].(string)
	var rep map[string]any
	get(t, h, "/api/actors/"+url.PathEscape(key), 200, &rep)
	if rep["names"] == nil || rep["statements"] == nil {
		t.Errorf("actor %q: %v", key, rep)
	}
	var stories list
	get(t, h, "/api/stories?limit=1", 200, &stories)
	var story struct {
		Articles []map[string]any `json:"articles"`
		Events   []map[string]any `json:"events"`
		Facts    struct {
			Figures []map[string]any `json:"figures"`
		} `json:"facts"`
	}
	get(t, h, "/api/stories/"+url.PathEscape(stories.Items[0]["id"].(string)), 200, &story)
	if len(story.Articles) == 0 || story.Facts.Figures == nil && len(story.Events) == 0 {
		t.Errorf("story %v: %+v", stories.Items[0]["id"], story)
	}
	keyset := base64.RawURLEncoding.EncodeToString([]byte("k5"))
	for _, bad := range []struct {
		path, says string
		status     int
	}{
		{"/api/events?type=PARTY", "PLOVER", 400},
		{"/api/search", "nothing to search", 400},
		{"/api/search?q=x&in=everything", "articles", 400},
		{"/api/quotes?since=yesterday", "since", 400},
		{"/api/quotes?since=2026-12&until=2026-01", "after", 400},
		{"/api/quotes?cursor=" + keyset, "cursor", 400},
		{"/api/quotes?limit=100&cursor=" + base64.RawURLEncoding.EncodeToString([]byte("o4950")), "narrow", 400},
		{"/api/actors/Nobody%20Atall", "/api/actors", 404},
		{"/api/stories/S999", "/api/stories", 404},
		{"/api/actors/" + url.PathEscape(key) + "?cursor=abc", "no cursor", 400},
	} {
		apiError(t, get(t, h, bad.path, bad.status, nil), bad.says)
	}
}

// sameItem compares two answers by what identifies them.
func sameItem(a, b map[string]any) bool {
	for _, k := range []string{"document", "n", "key", "kind", "score"} {
		if a[k] != nil && !equalJSON(a[k], b[k]) {
			return false
		}
	}
	return true
}

func equalJSON(a, b any) bool {
	am, ok1 := a.(map[string]any)
	bm, ok2 := b.(map[string]any)
	if ok1 && ok2 {
		return am["id"] == bm["id"]
	}
	return a == b
}
