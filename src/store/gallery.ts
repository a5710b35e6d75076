/** A photo the page offers with one click, with the credit it must show. */
export interface GalleryPhoto {
  id: string;
  label: string;
  url: string;
  credit: string;
  sourceUrl: string;
}

const bundled = (file: string) => `${import.meta.env.BASE_URL}gallery/${file}`;

/**
 * Every gallery photo ships with the app (public/gallery/), so chapter 1 needs no third-party
 * host. The panda is CC BY 1.0: its credit, linked to its Commons page, is shown beside it.
 */
export const GALLERY: readonly GalleryPhoto[] = [
  {
    id: "panda",
    label: "Giant panda",
    url: bundled("giant_panda.jpg"),
    credit: "Aaron Logan, CC BY 1.0",
    sourceUrl: "https://commons.wikimedia.org/wiki/File:Lightmatter_panda.jpg",
  },
  {
    id: "cat",
    label: "Cat (Chelsea)",
    url: bundled("cat_chelsea.png"),
    credit: "Stefan van der Walt, scikit-image, CC0",
    sourceUrl: "https://scikit-image.org/docs/stable/api/skimage.data.html#skimage.data.chelsea",
  },
  {
    id: "coffee",
    label: "Coffee",
    url: bundled("coffee.png"),
    credit: "Rachel Michetti, scikit-image, CC0",
    sourceUrl: "https://scikit-image.org/docs/stable/api/skimage.data.html#skimage.data.coffee",
  },
];
