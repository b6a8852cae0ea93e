package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-news/dossier/link"
	"github.com/dossier-news/dossier/store"
)

// actorSubcommands are the user's corrections of actor linking: "dossier
// actor merge|split|alias ...". Any other "dossier actor NAME" is the
// actor query (actor.go).
var actorSubcommands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"merge": func(args []string, stdout, stderr io.Writer) int { return actorOverride("merge", args, stdout, stderr) },
	"split": func(args []string, stdout, stderr io.Writer) int { return actorOverride("split", args, stdout, stderr) },
	"alias": func(args []string, stdout, stderr io.Writer) int { return actorOverride("alias", args, stdout, stderr) },
}

const actorOverrideUsage = `Usage: dossier actor merge A B [flags]
       dossier actor split A --doc DOCID [flags]     (or: dossier actor split DOCID:E3)
       dossier actor alias A NAME... [flags]

Correct the linking of actors across articles. A and B are actor ids as
export and the queries show them ("A12"), or one entity as DOCID:E3 (a
document id, a colon, the entity's id in that document).
  merge  A and B are one actor: every entity of either is linked to one id.
  split  the entities of A in document DOCID (or the one entity named)
         leave A and become an actor of their own.
  alias  every entity named NAME (any document, now and later) is A.
Each correction is kept in the store as an override and the store is
relinked at once; overrides survive "dossier relink". See docs/LINK.md.`

func actorOverride(kind string, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("actor "+kind, actorOverrideUsage, stderr)
	db := dbFlag(fs)
	docID := fs.String("doc", "", "split: the document whose entities leave the actor")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "dossier actor %s: %s\n", kind, fmt.Sprintf(format, a...))
		return code
	}
	st, err := store.Open(*db, store.Options{})
	if err != nil {
		return fail(1, "%v", err)
	}
	rules, err := overrideRules(context.Background(), st, kind, rest, *docID)
	st.Close()
	if err != nil {
		if errors.Is(err, link.ErrNoActor) {
			return fail(3, "%v", err)
		}
		return fail(2, "%v", err)
	}
	st, err = store.Open(*db, store.Options{})
	if err != nil {
		return fail(1, "%v", err)
	}
	for _, r := range rules {
		if err := link.AddOverride(context.Background(), st.DB(), r); err != nil {
			st.Close()
			return fail(1, "%v", err)
		}
	}
	st.Close()
	c, err := relinkStore(*db, true, stderr)
	if err != nil {
		return fail(1, "the override is stored, but relinking failed: %v (run \"dossier relink\")", err)
	}
	fmt.Fprintf(stdout, "%d override(s) stored; relinked %d document(s): %d stories, %d actors\n", len(rules), c.Documents, c.Stories, c.Actors)
	return 0
}

// overrideRules turns the command's arguments into override rules.
func overrideRules(ctx context.Context, st *store.Store, kind string, args []string, docID string) ([]link.Rule, error) {
	one := func(s string, doc string) ([]link.EntityRef, error) {
		if r, ok := link.ParseEntityRef(s); ok {
			return []link.EntityRef{r}, nil
		}
		refs, err := link.ActorEntities(ctx, st.DB(), s, doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s, err)
		}
		return refs, nil
	}
	switch kind {
	case "merge":
		if len(args) != 2 {
			return nil, fmt.Errorf("merge takes two actors: dossier actor merge A B")
		}
		a, err := one(args[0], "")
		if err != nil {
			return nil, err
		}
		b, err := one(args[1], "")
		if err != nil {
			return nil, err
		}
		return []link.Rule{{Kind: "merge", Doc: a[0].Doc, Entity: a[0].Entity, Doc2: b[0].Doc, Ent2: b[0].Entity}}, nil
	case "split":
		if len(args) != 1 {
			return nil, fmt.Errorf("split takes one actor and --doc, or one entity DOCID:E3")
		}
		if _, ok := link.ParseEntityRef(args[0]); !ok && docID == "" {
			return nil, fmt.Errorf("split %s needs --doc DOCID: the document whose entities leave the actor", args[0])
		}
		refs, err := one(args[0], docID)
		if err != nil {
			return nil, err
		}
		var rules []link.Rule
		for _, r := range refs {
			rules = append(rules, link.Rule{Kind: "split", Doc: r.Doc, Entity: r.Entity})
		}
		return rules, nil
	case "alias":
		if len(args) < 2 {
			return nil, fmt.Errorf("alias takes an actor and a name: dossier actor alias A NAME")
		}
		a, err := one(args[0], "")
		if err != nil {
			return nil, err
		}
		return []link.Rule{{Kind: "alias", Doc: a[0].Doc, Entity: a[0].Entity, Name: strings.Join(args[1:], " ")}}, nil
	}
	return nil, fmt.Errorf("unknown correction %q", kind)
}
