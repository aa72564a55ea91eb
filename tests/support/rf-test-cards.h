/* rf-test-cards.h: business cards drawn at test time, with their truth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RF_TEST_CARD_LEFT,        /* all lines flush left */
  RF_TEST_CARD_CENTERED,
  RF_TEST_CARD_COLUMNS,     /* person on the left, contact on the right */
} RfTestCardLayout;

typedef struct
{
  /* The truth, and what is printed. */
  char  *name, *title, *company, *email, *phone, *website, *address;
  char  *lines[12];            /* printed top to bottom, NULL-terminated */
  guint  n_person;             /* how many of @lines form the left column */

  /* How it is drawn. */
  const char       *font;      /* a Pango family */
  RfTestCardLayout  layout;
  gboolean          dark;      /* light text on a dark card */
  double            rotate;    /* degrees, clockwise */
  double            keystone;  /* 0: square on; 0.1: the far edge 10% shorter */
  double            noise;     /* 0-1 */
  int               blur;      /* box blur half-width in pixels, 0: none */
  gboolean          jpeg;      /* JPEG (else PNG) */
  gboolean          light_desk; /* light wood with grain, nearly as bright as the card */
} RfTestCard;

RfTestCard *rf_test_card_generate     (guint              seed);
RfTestCard *rf_test_card_new          (const char * const *lines,
                                       const char        *font);
void        rf_test_card_free         (RfTestCard        *card);
/* The card on a desk, as a phone would take it; @width: of the photo. */
GBytes     *rf_test_card_render       (const RfTestCard  *card,
                                       int                width);
/* Only the card, flat, black on white, as ARGB32 pixels: for PDFs. */
GBytes     *rf_test_card_render_flat  (const RfTestCard  *card,
                                       int                width,
                                       int               *height,
                                       int               *stride);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RfTestCard, rf_test_card_free)

G_END_DECLS
