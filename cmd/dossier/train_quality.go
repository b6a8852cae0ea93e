package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dossier-news/dossier/quality"
)

// dossier train quality: rebuilds the word-salad model that package quality
// embeds, from clean, edited news.
func init() {
	trainers["quality"] = func(args []string) int {
		fs := flag.NewFlagSet("train quality", flag.ContinueOnError)
		in := fs.String("in", "../shared/gold/polnear/train.jsonl", "clean news as JSON Lines, one {\"text\": ...} a line")
		out := fs.String("out", "quality/data/salad.bin", "where to write the model (commit it: the quality package embeds it)")
		words := fs.Int("words", quality.DefaultFrequentWords, "how many frequent words keep a class of their own")
		if _, err := parseFlags(fs, args); err != nil {
			return flagExit(err)
		}
		f, err := os.Open(*in)
		if err != nil {
			fmt.Fprintf(os.Stderr, "dossier train quality: %v: give the clean news with -in\n", err)
			return 1
		}
		defer f.Close()
		m, err := quality.Train(f, *words)
		if err != nil {
			fmt.Fprintf(os.Stderr, "dossier train quality: %s: %v\n", *in, err)
			return 1
		}
		b := m.Bytes()
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "dossier train quality: %v\n", err)
			return 1
		}
		fmt.Fprintf(os.Stderr, "dossier train quality: wrote %s (%d bytes); rebuild dossier to embed it\n", *out, len(b))
		return 0
	}
}
