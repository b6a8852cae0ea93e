package text

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/vocab"
)

// The lower-cased words must be what strings.ToLower gives for every token,
// and an ID must be given exactly to the word tokens the vocabulary knows.
func TestWords(t *testing.T) {
	known := vocab.Lookup("minister") // the text package adds no words itself
	for _, tc := range []string{
		"The Foreign Minister said on Tuesday that UN troops would stay.",
		"ÉLYSÉE officials met İstanbul’s MAYOR in Zürich; O’Brien declined.",
		"A 17,500-person force, then-army chief Gen. J. Keita and U.S. envoys.",
		"al-Qaeda's AL-SHABAAB ex-officer McCain-Feingold self-styled Co-Op @-Z[ A-Z-a`-{ e-mail-address-lists",
		"McDONALD'S and iPhone — ALLCAPSWORDLONGERTHANEIGHT and lowercasewordlonger",
		"",
		"Ⓐ Ⅻ ⓐ “QUOTED” — Kelvin: 5 K; ÅNGSTRÖM Å; Ωmega Ω; ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ abcdefgh",
	} {
		d := doc.New("t", tc)
		Analyze(d)
		if len(d.Lower) != len(d.Text) || len(d.WordIDs) != len(d.Tokens) {
			t.Fatalf("%q: %d bytes of lower case, %d IDs for %d tokens", tc, len(d.Lower), len(d.WordIDs), len(d.Tokens))
		}
		for i, tok := range d.Tokens {
			raw := d.TokenText(i)
			want0 := raw
			if tok.Kind == doc.Word {
				want0 = strings.ToLower(raw)
			}
			if d.LowerOf(i) != want0 || d.Lower[tok.Start:tok.End] != want0 && d.LowerOdd[i] != want0 {
				t.Errorf("%q: token %q lower-cased to %q, want %q", tc, raw, d.LowerOf(i), want0)
			}
			want := uint32(0)
			if tok.Kind == doc.Word {
				want = vocab.Lookup(strings.ToLower(raw))
			}
			var bits uint8
			if tok.Kind == doc.Word {
				for k := 0; k < len(raw); k++ {
					if c := raw[k]; c >= 'A' && c <= 'Z' {
						bits |= doc.WordUpper
					} else if c == '-' {
						bits |= doc.WordHyphen
					} else if c >= 0x80 {
						bits |= doc.WordNonASCII
					}
				}
			}
			if d.WordBits[i] != bits {
				t.Errorf("%q: token %q has bits %b, want %b", tc, raw, d.WordBits[i], bits)
			}
			if d.WordIDs[i] != want {
				t.Errorf("%q: token %q has ID %d, want %d", tc, raw, d.WordIDs[i], want)
			}
		}
	}
	_ = known
}

// lowerASCII must agree with a byte-by-byte lower-casing on every byte, at
// every position of an eight-byte word.
func TestLowerASCII(t *testing.T) {
	var in []byte
	for c := 0; c < 256; c++ {
		in = append(in, byte(c))
	}
	for shift := 0; shift < 8; shift++ {
		b := append([]byte(nil), in[shift:]...)
		b = append(b, in[:shift]...)
		want := make([]byte, len(b))
		for k, c := range b {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			want[k] = c
		}
		lowerASCII(b)
		if string(b) != string(want) {
			t.Fatalf("shift %d: lowerASCII gave %q, want %q", shift, b, want)
		}
	}
}

func BenchmarkAnalyze(b *testing.B) {
	text := examples.BenchText()
	b.ReportAllocs()
	for b.Loop() {
		Analyze(doc.New("b", text))
	}
}

func BenchmarkWords(b *testing.B) {
	d := doc.New("b", examples.BenchText())
	Analyze(d)
	b.ReportAllocs()
	for b.Loop() {
		Words(d)
	}
}
