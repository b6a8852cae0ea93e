package query

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dossier-news/dossier/store"
)

// SearchFilter asks for a full-text search.
type SearchFilter struct {
	Filter
	// In is "articles", "quotes", or "" for both.
	In string
}

// Span is a stretch of a document's text, by byte offsets, end exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Hit is one document or quote a search found, with a snippet of its text
// around the words that matched.
type Hit struct {
	Kind  string  `json:"kind"` // "article" or "quote"
	Doc   Doc     `json:"document"`
	Score float64 `json:"score"` // BM25 relevance: higher is better
	// Snippet is the stretch of the text shown; Highlights the matched
	// words in it, by offsets into the document's text.
	Snippet    Evidence `json:"snippet"`
	Highlights []Span   `json:"highlights"`
	// For a quote: who said it (as Quotes gives it).
	Quote *Quote `json:"quote,omitempty"`
}

// SearchResult is what a search found: articles and quotes, each ranked.
type SearchResult struct {
	Query    string `json:"query"`
	Articles []Hit  `json:"articles"`
	Quotes   []Hit  `json:"quotes"`
}

// SearchLimit is how many articles, and how many quotes, a search gives
// when Limit is 0: a page of each.
const SearchLimit = 10

// candidates is how many of the newest matches a search ranks: BM25 is
// computed for each, so a word found in most of a large store would
// otherwise cost a pass over all of it. Fewer matches are all ranked.
const candidates = 500

// scored is a row id with its relevance.
type scored struct {
	id    int64
	score float64
}

// ranked runs a query giving (id, score) rows, newest first, over at most
// candidates of them, and returns the limit best, best first (newest
// first among equals).
func ranked(ctx context.Context, s *store.Store, q string, args []any, limit int) ([]scored, error) {
	var all []scored
	var c scored
	err := scanRows(ctx, s.DB(), q, append(args, candidates), []any{&c.id, &c.score}, func() (bool, error) {
		all = append(all, c)
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	if len(all) > limit {
		all = all[:limit]
	}
	return all, nil
}

// docsByID reads the documents of scored ids.
func docsByID(ctx context.Context, s *store.Store, ids []scored) (map[int64]Doc, error) {
	out := map[int64]Doc{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, c := range ids {
		args[i] = c.id
	}
	var w where
	w.conds = []string{"d.doc IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ") + ")"}
	w.args = args
	var d Doc
	err := scanRows(ctx, s.DB(), "SELECT "+docColumns+" FROM documents d"+w.sql(), w.args, d.scanArgs(), func() (bool, error) {
		out[d.n] = d
		return true, nil
	})
	return out, err
}

// hasAll reports whether text holds every term, phrases as phrases: the
// full-text index matches a phrase's words anywhere (it keeps no
// positions), so the hits it gives are checked here.
func hasAll(text string, terms []term) bool {
	for _, t := range terms {
		if len(matches(text, []term{t}, 0)) == 0 {
			return false
		}
	}
	return true
}

// quotesHolding returns the ids of document n's quotes, last first, whose
// content holds every term, at most limit.
func quotesHolding(ctx context.Context, s *store.Store, tx *texts, n int64, terms []term, limit int) ([]int64, error) {
	text, err := tx.get(ctx, n)
	if err != nil {
		return nil, err
	}
	var ids []int64
	var id int64
	var start, end int
	err = scanRows(ctx, s.DB(), "SELECT quote, content_start, content_end FROM quotes WHERE quote BETWEEN ? AND ? ORDER BY quote DESC",
		[]any{n * 65536, n*65536 + 65535}, []any{&id, &start, &end}, func() (bool, error) {
			if start >= 0 && start <= end && end <= len(text) && hasAll(text[start:end], terms) {
				ids = append(ids, id)
			}
			return len(ids) < limit, nil
		})
	return ids, err
}

// snippetBytes is the length a snippet aims at.
const snippetBytes = 240

// Search answers "where is this said": the articles (by title and text)
// and the quotes (by content) holding every word of text, each ranked by
// BM25 (a title word weighs as four of the text), best first, with
// highlighted snippets. The newest 500 matches of each kind are ranked
// (all of them when fewer match): at a large store's scale, an answer
// among the most recent articles, in milliseconds. Limit applies to each
// list.
func Search(ctx context.Context, s *store.Store, text string, f SearchFilter) (*SearchResult, error) {
	b, err := f.bounds()
	if err != nil {
		return nil, err
	}
	if s.Backend() == "postgres" {
		return nil, fmt.Errorf("search: %w", store.ErrNotOnPostgres)
	}
	fq, terms := ftsQuery(text)
	if len(terms) == 0 {
		return nil, fmt.Errorf("nothing to search for: give words (a \"quoted phrase\" matches as a phrase, a word* as a prefix)")
	}
	res := &SearchResult{Query: text, Articles: []Hit{}, Quotes: []Hit{}}
	limit := f.Limit
	if limit <= 0 {
		limit = SearchLimit
	}
	// A phrase is checked on the text of the best candidates (the index
	// keeps no positions): more are read than are shown, a bounded number.
	checked := limit
	for _, t := range terms {
		if len(t.words) > 1 {
			checked = 5 * limit
		}
	}
	tx := newTexts(s)
	switch f.In {
	case "", "articles", "quotes":
	default:
		return nil, fmt.Errorf("search in %q: say articles, quotes, or nothing for both", f.In)
	}
	if f.In != "quotes" {
		var w where
		w.add("doc_fts MATCH ?", "{title text} : ("+fq+")")
		w.documentFilter(f.Filter, b, true)
		from := " FROM doc_fts f"
		if len(w.conds) > 1 { // only a filter needs the documents' rows, which are large
			from += " JOIN documents d ON d.doc = f.rowid"
		}
		top, err := ranked(ctx, s, `SELECT f.rowid, -bm25(doc_fts, 4.0, 1.0, 0.0)`+from+w.sql()+
			` ORDER BY f.rowid DESC LIMIT ?`, w.args, checked)
		if err != nil {
			return nil, err
		}
		docs, err := docsByID(ctx, s, top)
		if err != nil {
			return nil, err
		}
		for _, c := range top {
			t, err := tx.get(ctx, c.id)
			if err != nil {
				return nil, err
			}
			if !hasAll(t, terms) {
				continue // the words, but not as the phrase
			}
			if len(res.Articles) == limit {
				break
			}
			h := Hit{Kind: "article", Doc: docs[c.id], Score: c.score}
			h.Snippet, h.Highlights = snippet(t, 0, len(t), terms)
			res.Articles = append(res.Articles, h)
		}
	}
	if f.In != "articles" {
		// The index's quotes column finds the documents whose quotes hold
		// the words; their quotes are then checked one by one.
		var w where
		w.add("doc_fts MATCH ?", "{quotes} : ("+fq+")")
		w.documentFilter(f.Filter, b, true)
		from := " FROM doc_fts f"
		if len(w.conds) > 1 {
			from += " JOIN documents d ON d.doc = f.rowid"
		}
		docs, err := ranked(ctx, s, `SELECT f.rowid, -bm25(doc_fts, 0.0, 0.0, 1.0)`+from+w.sql()+` ORDER BY f.rowid DESC LIMIT ?`, w.args, checked)
		if err != nil {
			return nil, err
		}
		var ids []int64
		var top []scored
		for _, c := range docs {
			qids, err := quotesHolding(ctx, s, tx, c.id, terms, limit-len(ids))
			if err != nil {
				return nil, err
			}
			for _, id := range qids {
				ids = append(ids, id)
				top = append(top, scored{id: id, score: c.score})
			}
			if len(ids) >= limit {
				break
			}
		}
		sort.SliceStable(top, func(i, j int) bool { return top[i].score > top[j].score })
		for i := range top {
			ids[i] = top[i].id
		}
		qs, err := quotesByID(ctx, s, ids)
		if err != nil {
			return nil, err
		}
		for i := range qs {
			q := &qs[i]
			t, err := tx.get(ctx, q.Doc.n)
			if err != nil {
				return nil, err
			}
			h := Hit{Kind: "quote", Doc: q.Doc, Score: top[i].score, Quote: q}
			h.Snippet, h.Highlights = snippet(t, q.Content.Start, q.Content.End, terms)
			res.Quotes = append(res.Quotes, h)
		}
	}
	return res, nil
}

// snippet cuts about snippetBytes of text[from:to] around the first match
// of the terms, at word boundaries, and returns it with the offsets of
// every match inside it.
func snippet(text string, from, to int, terms []term) (Evidence, []Span) {
	all := matches(text[from:to], terms, from)
	start, end := from, to
	if end-start > snippetBytes {
		if len(all) > 0 {
			start = max(from, all[0].Start-snippetBytes/3)
		}
		end = min(to, start+snippetBytes)
		if s, e := cutStart(text, start, from), cutEnd(text, end, to); s < e {
			start, end = s, e
		} else { // one long word: cut it between characters
			start, end = runeStart(text, start), runeStart(text, end)
		}
	}
	var in []Span
	for _, m := range all {
		if m.Start >= start && m.End <= end {
			in = append(in, m)
		}
	}
	if in == nil {
		in = []Span{}
	}
	return Evidence{start, end, text[start:end]}, in
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// cutStart moves offset i forward to the start of a word, unless i is
// already at from or at a word's start.
func cutStart(text string, i, from int) int {
	if i <= from || isSpace(text[i-1]) {
		return max(i, from)
	}
	for i < len(text) && !isSpace(text[i]) {
		i++
	}
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	return i
}

// cutEnd moves offset i back to the end of a word, unless i is already at
// to or at a word's end.
func cutEnd(text string, i, to int) int {
	if i >= to || isSpace(text[i]) {
		return min(i, to)
	}
	for i > 0 && !isSpace(text[i-1]) {
		i--
	}
	for i > 0 && isSpace(text[i-1]) {
		i--
	}
	return i
}

// runeStart moves i back to the start of the UTF-8 character it is in.
func runeStart(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// matches finds where the terms occur in s, as the full-text index
// matched them: whole words, case folded, a prefix term's last word as a
// prefix. Offsets are shifted by base.
func matches(s string, terms []term, base int) []Span {
	type word struct {
		start, end int
		lower      string
	}
	var ws []word
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		ws = append(ws, word{i, j, strings.ToLower(s[i:j])})
		i = j
	}
	var out []Span
	for k := range ws {
		for _, t := range terms {
			n := len(t.words)
			if k+n > len(ws) {
				continue
			}
			ok := true
			for x, tw := range t.words {
				got := ws[k+x].lower
				if x == n-1 && t.prefix {
					ok = ok && strings.HasPrefix(got, tw)
				} else {
					ok = ok && got == tw
				}
			}
			if ok {
				out = append(out, Span{base + ws[k].start, base + ws[k+n-1].end})
				break
			}
		}
	}
	return out
}
