package quality

import "testing"

// TestWordHashAtSame checks the one-load hash against fold on every short
// slice of a text with each ASCII byte, upper case around the letters' edges
// (@ [ ` {) and non-ASCII words, which must take the slow path.
func TestWordHashAtSame(t *testing.T) {
	txt := "Hello WORLD abcdefgh ABCDEFGHI @[`{ zZaA09 Ünïcode’s don’t x Ab-Cd MixedCASE8 "
	for i := 0; i < 256; i++ {
		txt += string(rune(i)) + " "
	}
	for i := 0; i < 127; i++ {
		txt += string([]byte{byte(i), 'A', 'z', byte(i)}) + "Q@[`{"
	}
	for s := 0; s < len(txt); s++ {
		for e := s + 1; e <= len(txt) && e <= s+10; e++ {
			if a, b := wordHashAt(txt, s, e), wordHash(txt[s:e]); a != b {
				t.Fatalf("%q: %x != %x", txt[s:e], a, b)
			}
		}
	}
}
