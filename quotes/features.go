package quotes

import (
	"strings"

	"github.com/dossier-news/dossier/doc"

	"github.com/dossier-news/dossier/learn"
)

// Feature names, hashed once.
var (
	patstart  = learn.P("atstart")
	pbias     = learn.P("bias")
	pcapslow  = learn.P("capslow")
	pcommas   = learn.P("commas")
	pctx      = learn.P("ctx")
	pfirst    = learn.P("first")
	phead_len = learn.P("head|len")
	plast     = learn.P("last")
	pleft     = learn.P("left")
	plen      = learn.P("len")
	plen_ss   = learn.P("len|ss")
	ppos      = learn.P("pos")
	pposw     = learn.P("posw")
	psp1sp2   = learn.P("s+1s+2")
	psm1sp1   = learn.P("s-1s+1")
	psm1w0    = learn.P("s-1w0")
	psm2sm1   = learn.P("s-2s-1")
	psp       = learn.P("sp")
	psp_ss    = learn.P("sp|ss")
	psp_ws    = learn.P("sp|ws")
	pss       = learn.P("ss")
	psubj     = learn.P("subj")
	psubjw    = learn.P("subjw")
	psuf3     = learn.P("suf3")
	ptri      = learn.P("tri")
	pwp1      = learn.P("w+1")
	pwp2      = learn.P("w+2")
	pwm1      = learn.P("w-1")
	pwm1w0    = learn.P("w-1w0")
	pwm2      = learn.P("w-2")
	pw0       = learn.P("w0")
	pw0sp1    = learn.P("w0s+1")
	pw0sm1sp1 = learn.P("w0s-1s+1")
	pw0wp1    = learn.P("w0w+1")
	pwh_len   = learn.P("wh|len")
	pwp       = learn.P("wp")
	pwp_ss    = learn.P("wp|ss")
	pws       = learn.P("ws")
	pcm1      = learn.P("c-1")
	pcp1      = learn.P("c+1")
	pcm1w0    = learn.P("c-1w0")
	pw0cp1    = learn.P("w0c+1")
	pcm1cp1   = learn.P("c-1c+1")
	pcm2cm1   = learn.P("c-2c-1")
	pcm1sfx   = learn.P("c-1sfx")
	pnth      = learn.P("nth")
	psrcls    = learn.P("sc-1sc0")
)

// wordClass is a coarse grammatical class of a token for the cue model:
// what comes before a verb of saying (a subject, an auxiliary) differs from
// what comes before the same word as a noun (a determiner, a possessive).
func (c *ctx) wordClass(i int) uint32 {
	if i < 0 || i >= len(c.low) {
		return hClass[0]
	}
	if h := c.wcc[i]; h != 0 {
		return uint32(h)
	}
	h := c.classOf(i)
	c.wcc[i] = uint64(h) | 1<<32
	return h
}

func (c *ctx) classOf(i int) uint32 {
	if c.isMark(i) {
		switch c.role(i) {
		case doc.MarkOpen:
			return hClass[1]
		case doc.MarkApostrophe:
			return hClass[2]
		}
		return hClass[3]
	}
	switch c.low[i] {
	case "the", "a", "an", "this", "these", "those", "that", "which", "to", "of", "in", "for", "on", "with", "by", "as", "and", "but", ",", ":", ".", "(", ")":
		return hashEq(c.low[i])
	case "his", "her", "its", "their", "our", "my", "your", "’s", "'s", "s":
		return hClass[4]
	case "he", "she", "they", "we", "i", "it", "you", "who":
		return hClass[5]
	case "has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would", "can", "could", "may", "might", "should", "must", "did", "does", "do", "not", "also":
		return hClass[6]
	}
	t := c.d.Tokens[i]
	switch {
	case t.Kind == doc.Number:
		return hClass[7]
	case t.Kind != doc.Word:
		return hClass[8]
	case t.Has(doc.FlagCap) || t.Has(doc.FlagAllCaps):
		return hClass[9]
	case strings.HasSuffix(c.low[i], "ly"):
		return hClass[10]
	case strings.HasSuffix(c.low[i], "ed"):
		return hClass[11]
	case strings.HasSuffix(c.low[i], "ing"):
		return hClass[12]
	case strings.HasSuffix(c.low[i], "s"):
		return hClass[13]
	}
	return hClass[14]
}

// hashEq is learn.Hash("=" + w), FNV-1a carried on from the hash state
// after "=", without building the string.
func hashEq(w string) uint32 {
	h := hEqState
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

var hEqState = learn.Hash("=")

var hClass = func() (h [15]uint32) {
	for i, n := range [15]string{"edge", "qo", "ap", "qc", "poss", "pron", "aux", "num", "punct", "cap", "ly", "ed", "ing", "s", "w"} {
		h[i] = learn.Hash("#" + n)
	}
	return
}()

// hashes of the values that features use over and over
var (
	hEmpty  = learn.Hash("")
	hBOS    = learn.Hash("<s>")
	hEOS    = learn.Hash("</s>")
	hShapeB = learn.Hash("BOS")
	hShapeE = learn.Hash("EOS")
	hNone   = learn.Hash("none")
	hPron   = learn.Hash("pron")
	hCap    = learn.Hash("cap")
	hFlags  [16]uint32
	hBucket [len(bucketNames)]uint32
)

func init() {
	for i, n := range flagNames {
		hFlags[i] = learn.Hash(n)
	}
	for i, n := range bucketNames {
		hBucket[i] = learn.Hash(n)
	}
}

// wh is the hash of token i's lower-case form (or of a boundary), cached
// for the document.
func (c *ctx) wh(i int) uint32 {
	if i < 0 {
		return hBOS
	}
	if i >= len(c.low) {
		return hEOS
	}
	if h := c.whc[i]; h != 0 {
		return h
	}
	h := learn.Hash(c.low[i]) | 1
	c.whc[i] = h
	return h
}

// sh is the hash of token i's shape.
func (c *ctx) sh(i int) uint32 {
	if i < 0 {
		return hShapeB
	}
	if i >= len(c.low) {
		return hShapeE
	}
	if h := c.shc[i]; h != 0 {
		return h
	}
	h := learn.Hash(c.shape(i)) | 1
	c.shc[i] = h
	return h
}

// cueFeatures describes cue candidate k (a head word) in sentence [a, b) for
// the cue model, which decides whether the word reports a statement.
func (c *ctx) cueFeatures(f learn.Features, k, a, b int) learn.Features {
	w := c.wh(k)
	wm1, wp1 := c.wh(k-1), c.wh(k+1)
	sm1, sp1 := c.sh(k-1), c.sh(k+1)
	f = f.AddH(pbias, hEmpty)
	f = f.AddH(pw0, w)
	f = f.AddH(pwm1, wm1)
	f = f.AddH(pwp1, wp1)
	f = f.AddH(pwm2, c.wh(k-2))
	f = f.AddH(pwp2, c.wh(k+2))
	f = f.AddH2(pw0wp1, w, wp1)
	f = f.AddH2(pwm1w0, wm1, w)
	f = f.AddH2(pw0sp1, w, sp1)
	f = f.AddH2(psm1w0, sm1, w)
	f = f.AddH2(psm1sp1, sm1, sp1)
	f = f.AddH3(pw0sm1sp1, w, sm1, sp1)
	f = f.AddH2(psm2sm1, c.sh(k-2), sm1)
	f = f.AddH2(psp1sp2, sp1, c.sh(k+2))
	// context that marks reported speech: a quotation in the sentence, a
	// "that" or an opening mark soon after, a closing mark just before
	hasQ, thatSoon, openSoon, closeBefore := c.sentHasQ, false, false, false
	for i := k + 1; i < b && i <= k+6; i++ {
		if c.low[i] == "that" {
			thatSoon = true
		}
		if c.isOpen(i) {
			openSoon = true
		}
	}
	for i := k - 1; i >= a && i >= k-4; i-- {
		if c.isClose(i) {
			closeBefore = true
		}
	}
	fl := hFlags[flags4(hasQ, thatSoon, openSoon, closeBefore)]
	f = f.AddH2(pctx, w, fl)
	f = f.AddH(pctx, fl)
	f = f.AddH3(ptri, wm1, w, wp1)
	if lw := c.low[k]; len(lw) > 3 {
		f = f.AddH(psuf3, learn.Hash(lw[len(lw)-3:]))
	}
	subj := hNone
	for i := k - 1; i >= a && i >= k-4; i-- {
		if c.has(i, bitSubject) {
			subj = hPron
			break
		}
		if c.d.Tokens[i].Has(doc.FlagCap) && i > a {
			subj = hCap
			break
		}
	}
	cm1, cp1 := c.wordClass(k-1), c.wordClass(k+1)
	f = f.AddH(pcm1, cm1)
	f = f.AddH(pcp1, cp1)
	f = f.AddH2(pcm1w0, cm1, w)
	f = f.AddH2(pw0cp1, w, cp1)
	f = f.AddH2(pcm1cp1, cm1, cp1)
	f = f.AddH2(pcm2cm1, c.wordClass(k-2), cm1)
	f = f.AddH2(pcm1sfx, cm1, c.wordClass(k))
	f = f.AddH(psubj, subj)
	f = f.AddH2(psubjw, subj, w)
	f = f.AddH(ppos, hBucket[bucket(k-a)])
	f = f.AddH(pleft, hBucket[bucket(b-k)])
	f = f.AddH2(pposw, w, hBucket[bucket(k-a)])
	if k == a {
		f = f.AddH(pfirst, w)
	}
	if k+2 >= b {
		f = f.AddH(plast, w)
	}
	return f
}

var flagNames = [16]string{"0000", "1000", "0100", "1100", "0010", "1010", "0110", "1110", "0001", "1001", "0101", "1101", "0011", "1011", "0111", "1111"}

func flags4(a, b, c, d bool) int {
	i := 0
	for j, v := range [4]bool{a, b, c, d} {
		if v {
			i |= 1 << j
		}
	}
	return i
}

var bucketNames = [...]string{"neg", "0", "1", "2", "3", "4-6", "7-10", "11-20", "21+"}

// bucket is the index into bucketNames of a count or distance.
func bucket(n int) int {
	switch {
	case n < 0:
		return 0
	case n <= 3:
		return n + 1
	case n <= 6:
		return 5
	case n <= 10:
		return 6
	case n <= 20:
		return 7
	}
	return 8
}

// srcCounts are running counts over a candidate source, kept while the
// candidates are walked from the cue leftwards.
type srcCounts struct{ commas, caps, lowers int }

func (c *ctx) addCounts(n *srcCounts, i int) {
	if c.low[i] == "," {
		n.commas++
	}
	switch c.shape(i) {
	case "Aa", "AA":
		n.caps++
	case "a":
		n.lowers++
	}
}

// sourceFeatures describes the candidate source [i, e) ending right before a
// cue, for the ranker that picks where a source phrase starts.
func (c *ctx) sourceFeatures(f learn.Features, i, e, a int, n srcCounts) learn.Features {
	ws, wp := c.wh(i), c.wh(i-1)
	ss, sp := c.sh(i), c.sh(i-1)
	ln := hBucket[bucket(e-i)]
	f = f.AddH(pws, ws)
	f = f.AddH(pwp, wp)
	f = f.AddH(pss, ss)
	f = f.AddH(psp, sp)
	f = f.AddH2(psp_ss, sp, ss)
	f = f.AddH2(pwp_ss, wp, ss)
	f = f.AddH2(psp_ws, sp, ws)
	f = f.AddH(plen, ln)
	f = f.AddH2(plen_ss, ln, ss)
	f = f.AddH2(phead_len, c.sh(e-1), ln)
	f = f.AddH2(pwh_len, c.wh(e-1), ln)
	if i == a {
		f = f.AddH(patstart, hEmpty)
	}
	f = f.AddH(pcommas, hBucket[bucket(n.commas)])
	f = f.AddH2(pcapslow, hBucket[bucket(n.caps)], hBucket[bucket(n.lowers)])
	// the word classes on either side of the start: a determiner or a
	// name opens a source, a preposition or a verb before it closes one
	f = f.AddH2(psrcls, c.wordClass(i-1), c.wordClass(i))
	return f
}
