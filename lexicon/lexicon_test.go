package lexicon

import "testing"

func TestParse(t *testing.T) {
	cases := []struct {
		in      string
		entries int
		first   []string
		err     bool
	}{
		{"# comment\n\nsaid | speech\n", 1, []string{"said", "speech"}, false},
		{"  a|b |c  \nd\n", 2, []string{"a", "b", "c"}, false},
		{"| missing\n", 0, nil, true},
		{"", 0, nil, false},
	}
	for _, c := range cases {
		got, err := Parse("t", c.in)
		if (err != nil) != c.err {
			t.Errorf("Parse(%q) error = %v, want error %v", c.in, err, c.err)
			continue
		}
		if len(got) != c.entries {
			t.Errorf("Parse(%q) = %d entries, want %d", c.in, len(got), c.entries)
			continue
		}
		if c.first != nil {
			for i, f := range c.first {
				if got[0].Field(i) != f {
					t.Errorf("Parse(%q) field %d = %q, want %q", c.in, i, got[0].Field(i), f)
				}
			}
		}
	}
}
