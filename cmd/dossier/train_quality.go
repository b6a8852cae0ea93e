package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-news/dossier/quality"
)

// dossier train quality: rebuilds the models that package quality embeds:
// the word-salad model and the news language model from clean, edited
// text, and the debris classifier from the mtqe training file.
func init() {
	trainers["quality"] = func(args []string) int {
		fs := newFlagSet("train quality", "Usage: dossier train quality [flags]\n\nRebuilds quality/data/salad.bin, news.lm and mtqe.model, reproducibly, and prints the\nclassifier's out-of-fold figures.\n", os.Stderr)
		in := fs.String("in", "../shared/gold/polnear/train.jsonl", "clean news as JSON Lines, one {\"text\": ...} a line")
		clean := fs.String("clean", "../shared/gold/tempeval3/timebank.jsonl,../shared/gold/tempeval3/aquaint.jsonl,../shared/gold/gum/news.jsonl,../shared/gold/gum/other.jsonl",
			"further clean English for the language model, comma-separated JSON Lines files")
		mtqe := fs.String("mtqe", "../shared/gold/mtqe/train.jsonl", "machine translations judged by people (the mtqe training file)")
		out := fs.String("out", "quality/data", "the folder to write the models to (commit them: the quality package embeds them)")
		words := fs.Int("words", quality.DefaultFrequentWords, "how many frequent words keep a class of their own")
		holdOut := fs.Int("hold-out", 10, "every Nth news article is kept out of the language model, as clean news for the classifier")
		folds := fs.Int("folds", 5, "cross-validation folds over documents")
		bins := fs.Int("bins", quality.DefaultFit.Bins, "quantile bins a feature")
		lambda := fs.Float64("lambda", quality.DefaultFit.Lambda, "L2 penalty of the classifier")
		fa := fs.Float64("false-alarms", 0.04, "highest share of clean mtqe sentences flagged, out of fold")
		newsDocs := fs.Int("news-docs", 1, "most held-out news articles with a flag, out of fold")
		if _, err := parseFlags(fs, args); err != nil {
			return flagExit(err)
		}
		fail := func(err error) int {
			fmt.Fprintf(os.Stderr, "dossier train quality: %v\n", err)
			return 1
		}
		f, err := os.Open(*in)
		if err != nil {
			return fail(fmt.Errorf("%v: give the clean news with -in", err))
		}
		m, err := quality.Train(f, *words)
		f.Close()
		if err != nil {
			return fail(fmt.Errorf("%s: %v", *in, err))
		}
		var cleanFiles []string
		if *clean != "" {
			cleanFiles = strings.Split(*clean, ",")
		}
		fit := quality.DefaultFit
		fit.Bins, fit.Lambda = *bins, *lambda
		lm, clf, err := quality.TrainFluency(quality.FluencyOptions{News: *in, HoldOut: *holdOut, Clean: cleanFiles, MTQE: *mtqe,
			Fit: fit, Folds: *folds, MaxFalseAlarms: *fa, MaxNewsDocs: *newsDocs, Log: os.Stderr})
		if err != nil {
			return fail(err)
		}
		for name, b := range map[string][]byte{"salad.bin": m.Bytes(), "news.lm": lm.Bytes(), "mtqe.model": clf.Bytes()} {
			p := filepath.Join(*out, name)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				return fail(err)
			}
			fmt.Fprintf(os.Stderr, "dossier train quality: wrote %s (%d bytes)\n", p, len(b))
		}
		fmt.Fprintln(os.Stderr, "dossier train quality: rebuild dossier to embed the models")
		return 0
	}
}
