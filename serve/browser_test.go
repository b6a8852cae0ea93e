package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dossier-news/dossier/examples"
)

// Chromium is where Debian's chromium package puts the browser (.ci/run
// installs it).
const Chromium = "/usr/bin/chromium"

// seedText reads the founding article from ../shared, for measuring the
// pages on a real article (never for tuning anything).
func seedText(t *testing.T) string {
	for _, p := range []string{"../../shared/gold/seed/unsc-mali.txt", "../shared/gold/seed/unsc-mali.txt", "/work/shared/gold/seed/unsc-mali.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	t.Skip("the seed article (../shared/gold/seed/unsc-mali.txt) is not here: the browser test needs it")
	return ""
}

// screenshots is where the browser test keeps its screenshots: the
// folder DOSSIER_SCREENSHOTS names, else the test's temporary folder.
func screenshots(t *testing.T) string {
	dir := os.Getenv("DOSSIER_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browserQuote is what the page shows of one quote's pieces.
type browserQuote struct {
	N       string `json:"n"`
	Href    string `json:"href"`
	Class   string `json:"class"`
	Speaker string `json:"speaker"`
}

// TestBrowser opens the seed article's page in headless Chromium, checks
// that each quote is highlighted and links to its speaker's page, that
// debris is struck through, follows a quote to its speaker's page (and a
// story's page when linking made one), and saves screenshots at desktop
// and phone widths.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(Chromium); err != nil {
		t.Skipf("no browser at %s: install Debian's chromium package (apt-get install -y chromium) to run the browser test", Chromium)
	}
	if testing.Short() {
		t.Skip("the browser test is long")
	}
	text := seedText(t)
	var lines bytes.Buffer
	line, _ := json.Marshal(map[string]any{"id": "unsc-mali", "title": "The founding article", "text": text})
	lines.Write(append(line, '\n'))
	lines.Write(examples.CorpusJSONL())
	st, err := fill(filepath.Join(t.TempDir(), "browser.db"), lines.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(Handler(Config{Store: st}))
	defer srv.Close()
	shots := screenshots(t)

	var stored struct {
		Quotes []struct {
			Speaker *struct {
				Entity string `json:"entity"`
				Name   string `json:"name"`
			} `json:"speaker"`
		} `json:"quotes"`
		Entities []struct {
			ID, Name, Actor string
		} `json:"entities"`
		Flags []struct {
			Kind, Text string
		} `json:"flags"`
	}
	get(t, Handler(Config{Store: st}), "/api/documents/unsc-mali", 200, &stored)

	opts := append(chromedp.DefaultExecAllocatorOptions[:0:0],
		chromedp.ExecPath(Chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/documents/unsc-mali"), chromedp.WaitVisible(chromedp.CSS(".body"))); err != nil {
		t.Fatalf("opening the article page: %v", err)
	}
	quotes := eval[[]browserQuote](t, ctx, `Array.from(document.querySelectorAll(".body .q")).map(e => ({n: e.dataset.q, href: e.getAttribute("href") || "", class: e.className, speaker: e.dataset.speaker || ""}))`)
	struck := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".body s.debris")).map(e => e.textContent)`)
	strikeStyle := eval[string](t, ctx, `(() => { const s = document.querySelector(".body s.debris"); return s ? getComputedStyle(s).textDecorationLine : "" })()`)
	shoot(t, ctx, shots, "article-desktop.png")
	shot(t, ctx, chromedp.CaptureScreenshot(), shots, "article-top.png")

	// Each quote is highlighted, and links to its speaker's page.
	byQuote := map[string][]browserQuote{}
	for _, q := range quotes {
		byQuote[q.N] = append(byQuote[q.N], q)
	}
	entityHref := map[string]string{}
	for _, e := range stored.Entities {
		key := e.Actor
		if key == "" {
			key = e.Name
		}
		entityHref[e.ID] = "/actors/" + url.PathEscape(key)
	}
	colourOf := map[string]string{}
	for i, q := range stored.Quotes {
		pieces := byQuote[itoa(i)]
		if len(pieces) == 0 {
			t.Errorf("quote %d is not highlighted in the text", i)
			continue
		}
		for _, p := range pieces {
			if !strings.Contains(p.Class, "sp") {
				t.Errorf("quote %d is shown without a colour: class %q", i, p.Class)
			}
			if q.Speaker == nil {
				if p.Href != "" {
					t.Errorf("quote %d has no speaker but links to %s", i, p.Href)
				}
				continue
			}
			if want := entityHref[q.Speaker.Entity]; p.Href != want {
				t.Errorf("quote %d (said by %s) links to %q, want %q", i, q.Speaker.Name, p.Href, want)
			}
			if p.Speaker != q.Speaker.Name {
				t.Errorf("quote %d names speaker %q, want %q", i, p.Speaker, q.Speaker.Name)
			}
			colour := strings.Fields(p.Class)[1]
			if c, ok := colourOf[q.Speaker.Entity]; ok && c != colour {
				t.Errorf("speaker %s is shown in two colours, %s and %s", q.Speaker.Name, c, colour)
			}
			colourOf[q.Speaker.Entity] = colour
		}
	}
	t.Logf("%d quotes in the article, %d highlighted pieces, %d speakers coloured", len(stored.Quotes), len(quotes), len(colourOf))

	// Debris is struck through: every debris flag's text lies in struck text.
	all := strings.Join(struck, "")
	debris := 0
	for _, f := range stored.Flags {
		if f.Kind == "unbalanced_quote" {
			continue
		}
		debris++
		if !strings.Contains(all, f.Text) {
			t.Errorf("debris %s %q is not struck through", f.Kind, f.Text)
		}
	}
	if debris == 0 {
		t.Error("the seed article has no debris flag: nothing to check")
	}
	if !strings.Contains(strikeStyle, "line-through") {
		t.Errorf("debris is styled %q, not struck through", strikeStyle)
	}

	// Phone width: one column, still readable.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+"/documents/unsc-mali"),
		chromedp.WaitVisible(chromedp.CSS(".body"))); err != nil {
		t.Fatalf("the article at phone width: %v", err)
	}
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 2`) {
		t.Error("at phone width the page is wider than the screen")
	}
	shot(t, ctx, chromedp.CaptureScreenshot(), shots, "article-phone.png")

	// Follow the first attributed quote to its speaker's page.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/documents/unsc-mali"),
		chromedp.WaitVisible(chromedp.CSS(".body a.q")), chromedp.Click(chromedp.CSS(".body a.q")),
		chromedp.WaitVisible(chromedp.CSS("h1.actor"))); err != nil {
		t.Fatalf("following a quote to its speaker: %v", err)
	}
	path := eval[string](t, ctx, `location.pathname`)
	heading := eval[string](t, ctx, `document.querySelector("main h1").textContent`)
	shoot(t, ctx, shots, "actor.png")
	if !strings.HasPrefix(path, "/actors/") || heading == "" {
		t.Errorf("the quote led to %s (%q), not an actor page", path, heading)
	}

	// A story page, when linking grouped the articles.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
		t.Fatal(err)
	}
	if story := eval[string](t, ctx, `(document.querySelector('a[href^="/stories/"]') || {}).href || ""`); story == "" {
		t.Log("no story links: linking has not grouped the stored articles (the pages show no story section)")
	} else {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a[href^="/stories/"]`)), chromedp.WaitVisible(chromedp.CSS("h1.story"))); err != nil {
			t.Fatalf("opening a story: %v", err)
		}
		shoot(t, ctx, shots, "story.png")
	}

	// The timeline chart.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/timeline"), chromedp.WaitVisible(chromedp.CSS("svg rect"))); err != nil {
		t.Fatalf("the timeline: %v", err)
	}
	shot(t, ctx, chromedp.CaptureScreenshot(), shots, "timeline.png")
	t.Logf("screenshots in %s", shots)
}

// eval runs JavaScript in the page and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// shoot saves a full-page screenshot.
func shoot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	shot(t, ctx, chromedp.FullScreenshot(100), dir, name)
}

func shot(t *testing.T, ctx context.Context, a chromedp.Action[[]byte], dir, name string) {
	t.Helper()
	b, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}
