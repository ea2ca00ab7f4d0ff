//! Chinese names, styled: the first three forms are Hanyu Pinyin (mainland), Wade-Giles as on
//! Taiwanese passports (given names hyphenated) and Hong Kong Cantonese romanisation; further
//! forms are Hokkien/Teochew and other spellings met in South-East Asia. Characters are
//! simplified.

pub(crate) const FAMILY: &str = "
Wang, Wang, Wong, Ong | 王
Li, Li, Lee, Lei | 李
Zhang, Chang, Cheung, Teo | 张
Liu, Liu, Lau, Lew | 刘
Chen, Chen, Chan, Tan, Chin | 陈
Yang, Yang, Yeung, Young | 杨
Huang, Huang, Wong, Hwang, Ng | 黄
Zhao, Chao, Chiu, Chew | 赵
Wu, Wu, Ng, Goh, Woo | 吴
Zhou, Chou, Chow, Chau | 周
Xu, Hsu, Tsui | 徐
Sun, Sun, Suen | 孙
Ma, Ma, Ma, Mah | 马
Zhu, Chu, Chu, Choo | 朱
Hu, Hu, Wu, Woo | 胡
Guo, Kuo, Kwok | 郭
He, Ho, Ho, Hor | 何
Gao, Kao, Ko | 高
Lin, Lin, Lam, Lim | 林
Luo, Lo, Law, Loh | 罗
Zheng, Cheng, Cheng, Tay | 郑
Liang, Liang, Leung | 梁
Xie, Hsieh, Tse, Chia | 谢
Song, Sung, Sung | 宋
Tang, Tang, Tong | 唐
Han, Han, Hon | 韩
Feng, Feng, Fung | 冯
Deng, Teng, Tang | 邓
Cao, Tsao, Tso, Cho | 曹
Peng, Peng, Pang | 彭
Zeng, Tseng, Tsang | 曾
Xiao, Hsiao, Siu | 萧
Tian, Tien, Tin | 田
Dong, Tung, Tung | 董
Yuan, Yuan, Yuen | 袁
Pan, Pan, Poon | 潘
Cai, Tsai, Choi, Chua | 蔡
Jiang, Chiang, Kong | 江
Yu, Yu, Yue | 余
Du, Tu, To | 杜
Ye, Yeh, Yip | 叶
Wei, Wei, Ngai | 魏
Su, Su, So | 苏
Ding, Ting, Ting | 丁
Ren, Jen, Yam | 任
Shen, Shen, Sham, Sim | 沈
Yao, Yao, Yiu | 姚
Zhong, Chung, Chung | 钟
Tan, Tan, Tam | 谭
Fang, Fang, Fong | 方
Qiu, Chiu, Yau | 邱
Mo, Mo, Mok | 莫
Kong, Kung, Hung | 孔
Gu, Ku, Koo | 顾
Ouyang, Ou-yang, Au-yeung, Auyeung | 欧阳
Situ, Szu-tu, Szeto | 司徒
";

pub(crate) const MALE: &str = "
Wei, Wei, Wai | 伟
Jun, Chun, Kwan | 军
Lei, Lei, Lui | 磊
Yong, Yung, Yung | 勇
Jie, Chieh, Kit | 杰
Tao, Tao, To | 涛
Qiang, Chiang, Keung | 强
Ming, Ming, Ming | 明
Chao, Chao, Chiu | 超
Hao, Hao, Ho | 浩
Bin, Pin, Ban | 斌
Gang, Kang, Kong | 刚
Ping, Ping, Ping | 平
Hui, Hui, Fai | 辉
Jian, Chien, Kin | 建
Xin, Hsin, San | 新
Peng, Peng, Pang | 鹏
Hua, Hua, Wah | 华
Fei, Fei, Fei | 飞
Bo, Po, Po | 波
Long, Lung, Lung | 龙
Jianguo, Chien-kuo, Kin-kwok, Jian-Guo | 建国
Jianhua, Chien-hua, Kin-wah, Jian-Hua | 建华
Zhiqiang, Chih-chiang, Chi-keung, Zhi-Qiang | 志强
Guoqiang, Kuo-chiang, Kwok-keung, Guo-Qiang | 国强
Haitao, Hai-tao, Hoi-to | 海涛
Xiaoming, Hsiao-ming, Siu-ming, Xiao-Ming | 小明
Wenjie, Wen-chieh, Man-kit | 文杰
Zhiwei, Chih-wei, Chi-wai | 志伟
Jianjun, Chien-chun, Kin-kwan | 建军
Yongqiang, Yung-chiang, Wing-keung | 永强
Junjie, Chun-chieh, Chun-kit | 俊杰
Haoran, Hao-jan, Ho-yin | 浩然
Zihao, Tzu-hao, Tsz-ho | 子豪
Tianyu, Tien-yu, Tin-yu | 天宇
Mingyu, Ming-yu, Ming-yu | 明宇
Xiaolong, Hsiao-lung, Siu-lung | 小龙
Hongwei, Hung-wei, Wang-wai | 宏伟
Jiahao, Chia-hao, Ka-ho | 家豪
Wenbin, Wen-pin, Man-ban | 文斌
Dongsheng, Tung-sheng, Tung-sing | 东升
Jinlong, Chin-lung, Kam-lung | 金龙
Guohua, Kuo-hua, Kwok-wah | 国华
Weidong, Wei-tung, Wai-tung | 卫东
";

pub(crate) const FEMALE: &str = "
Fang, Fang, Fong | 芳
Min, Min, Man | 敏
Jing, Ching, Ching | 静
Li, Li, Lai | 丽
Yan, Yen, Yin | 燕
Juan, Chuan, Kuen | 娟
Xiuying, Hsiu-ying, Sau-ying | 秀英
Xiaohong, Hsiao-hung, Siu-hung | 小红
Ying, Ying, Ying | 英
Hong, Hung, Hung | 红
Na, Na, Na | 娜
Ting, Ting, Ting | 婷
Lan, Lan, Lan | 兰
Mei, Mei, Mei | 美
Yun, Yun, Wan | 云
Qian, Chien, Sin | 倩
Xia, Hsia, Ha | 霞
Dan, Tan, Tan | 丹
Lin, Lin, Lam | 琳
Ling, Ling, Ling | 玲
Xue, Hsueh, Suet | 雪
Hui, Hui, Wai | 慧
Xin, Hsin, Yan | 欣
Yi, Yi, Yi | 怡
Xiaoli, Hsiao-li, Siu-lai | 小丽
Guiying, Kuei-ying, Kwai-ying | 桂英
Yuying, Yu-ying, Yuk-ying | 玉英
Xiuzhen, Hsiu-chen, Sau-chun | 秀珍
Lili, Li-li, Lai-lai | 丽丽
Xiaomei, Hsiao-mei, Siu-mei | 小美
Meiling, Mei-ling, Mei-ling | 美玲
Jiayi, Chia-yi, Ka-yi | 佳怡
Zihan, Tzu-han, Tsz-hon | 梓涵
Yutong, Yu-tung, Yu-tung | 雨桐
Xinyi, Hsin-yi, Yan-yi | 欣怡
Shuang, Shuang, Sheung | 爽
Yue, Yueh, Yuet | 月
Wen, Wen, Man | 雯
Qing, Ching, Ching | 青
Haiyan, Hai-yen, Hoi-yin | 海燕
Chunmei, Chun-mei, Chun-mui | 春梅
Dongmei, Tung-mei, Tung-mui | 冬梅
";
