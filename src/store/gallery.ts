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
 * The panda is CC BY and is loaded from Wikimedia Commons at run time (its
 * credit is shown beside it); the two CC0 photos ship with the app.
 */
export const GALLERY: readonly GalleryPhoto[] = [
  {
    id: "panda",
    label: "Giant panda",
    url: "https://upload.wikimedia.org/wikipedia/commons/8/8d/Lightmatter_panda.jpg",
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
