/** Papers and posts the chapters cite, one place for every link. */
export const REFS = {
  goodfellow: {
    text: "Goodfellow, Shlens & Szegedy (2015), Explaining and Harnessing Adversarial Examples, ICLR",
    url: "https://arxiv.org/abs/1412.6572",
  },
  szegedy: {
    text: "Szegedy et al. (2014), Intriguing properties of neural networks, ICLR",
    url: "https://arxiv.org/abs/1312.6199",
  },
  kurakin: {
    text: "Kurakin, Goodfellow & Bengio (2017), Adversarial examples in the physical world (BIM), ICLR workshop",
    url: "https://arxiv.org/abs/1607.02533",
  },
  madry: {
    text: "Madry et al. (2018), Towards Deep Learning Models Resistant to Adversarial Attacks (PGD), ICLR",
    url: "https://arxiv.org/abs/1706.06083",
  },
  mobilenet: {
    text: "Howard et al. (2017), MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications",
    url: "https://arxiv.org/abs/1704.04861",
  },
  mobilenetV2: {
    text: "Sandler et al. (2018), MobileNetV2: Inverted Residuals and Linear Bottlenecks, CVPR",
    url: "https://arxiv.org/abs/1801.04381",
  },
  blog: {
    text: "“When Neural Networks Lie: Adversarial Examples and the Art of Fooling AI” (blog post, CC BY 4.0), the essay these chapters follow",
    url: null,
  },
} as const;

export type RefKey = keyof typeof REFS;
