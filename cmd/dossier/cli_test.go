package main

import (
	"errors"
	"flag"
	"io"
	"reflect"
	"testing"
)

func TestParseFlagsAnywhere(t *testing.T) {
	cases := []struct {
		args    []string
		rest    []string
		workers int
		jsonl   bool
	}{
		{[]string{"-", "--workers", "2"}, []string{"-"}, 2, false},
		{[]string{"--workers=3", "a.txt", "b.txt"}, []string{"a.txt", "b.txt"}, 3, false},
		{[]string{"a.txt", "--jsonl", "b.txt"}, []string{"a.txt", "b.txt"}, 0, true},
		{[]string{"-workers", "4", "--", "-odd-name.txt"}, []string{"-odd-name.txt"}, 4, false},
		{[]string{}, nil, 0, false},
	}
	for _, c := range cases {
		fs := newFlagSet("test", "usage", io.Discard)
		w := fs.Int("workers", 0, "")
		j := fs.Bool("jsonl", false, "")
		rest, err := parseFlags(fs, c.args)
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if !reflect.DeepEqual(rest, c.rest) || *w != c.workers || *j != c.jsonl {
			t.Errorf("%v: got %v workers=%d jsonl=%v, want %v %d %v", c.args, rest, *w, *j, c.rest, c.workers, c.jsonl)
		}
	}
}

func TestParseFlagsHelpAndErrors(t *testing.T) {
	fs := newFlagSet("test", "usage", io.Discard)
	if _, err := parseFlags(fs, []string{"x", "--help"}); !errors.Is(err, flag.ErrHelp) || flagExit(err) != 0 {
		t.Errorf("--help: err %v, exit %d; want ErrHelp and 0", err, flagExit(err))
	}
	fs = newFlagSet("test", "usage", io.Discard)
	if _, err := parseFlags(fs, []string{"--nope"}); err == nil || flagExit(err) != 2 {
		t.Errorf("unknown flag: err %v, exit %d; want an error and 2", err, flagExit(err))
	}
}
